"""The report's content as plain data, and the one service that writes it.

A form, a REST endpoint, an import or a test describes what the report should hold with
these dataclasses and calls `save_report`; the service validates each row with the model's
own rules (field validators and database constraints, so every rule lives once) and writes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, fields

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from satker.models import User

from .. import access
from ..models import (
    Action,
    Activity,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Publication,
    Report,
)
from .workflow import WorkflowError, _changed, _check_version, _locked_report


@dataclass(frozen=True, kw_only=True)
class KelembagaanData:
    """A. Kelembagaan: yes/no questions stay None until answered."""

    bakohumas_formed: bool | None = None
    sk_number: str = ""
    sk_date: datetime.date | None = None
    wa_group_formed: bool | None = None
    wa_member_count: int | None = None
    member_diskominfo: bool = False
    member_bawaslu: bool = False
    member_polres: bool = False
    member_kodim: bool = False
    member_kemenag: bool = False
    member_media: bool = False
    member_university: bool = False
    member_others: str = ""
    coordinated_with_pemda: bool | None = None
    coordination_notes: str = ""


@dataclass(frozen=True, kw_only=True)
class PpidData:
    """E. PPID: this month's public-information service."""

    requests_received: int = 0
    requests_fulfilled: int = 0
    requests_rejected: int = 0
    requests_in_process: int = 0
    objections: int = 0
    dip_updated: bool = False
    ppid_page_updated: bool = False


@dataclass(frozen=True, kw_only=True)
class ObstaclesData:
    """F. Kendala dan tindak lanjut."""

    staff: str = ""
    budget: str = ""
    facilities: str = ""
    other: str = ""
    follow_up: str = ""
    no_activity_reason: str = ""


# Rows: `id` names a row the report already has (updated); None adds a new one.


@dataclass(frozen=True, kw_only=True)
class PublicationData:
    id: int | None = None
    date: datetime.date
    channel: str
    title: str
    url: str = ""
    reach: int | None = None


@dataclass(frozen=True, kw_only=True)
class ActivityData:
    id: int | None = None
    date: datetime.date
    kind: str
    title: str
    place: str
    segment: str
    participants: int
    partner: str = ""


@dataclass(frozen=True, kw_only=True)
class Dp3VillageData:
    id: int | None = None
    name: str
    district: str
    kind: str = Dp3Village.Kind.DESA
    agreement_date: datetime.date | None = None
    cadres_first_time: int = 0
    cadres_women: int = 0
    cadres_disability: int = 0
    cadres_religious: int = 0
    cadres_indigenous: int = 0
    cadres_general: int = 0


@dataclass(frozen=True, kw_only=True)
class Dp3ActivityData:
    id: int | None = None
    date: datetime.date
    village: str
    title: str
    participants: int


@dataclass(frozen=True, kw_only=True)
class ReportContent:
    """What a report should hold after a save. A section left as None is not touched; a
    list of rows is the section's complete list (rows not in it are removed)."""

    kelembagaan: KelembagaanData | None = None
    ppid: PpidData | None = None
    obstacles: ObstaclesData | None = None
    publications: Sequence[PublicationData] | None = None
    activities: Sequence[ActivityData] | None = None
    dp3_villages: Sequence[Dp3VillageData] | None = None
    dp3_activities: Sequence[Dp3ActivityData] | None = None


ONE_TO_ONE = {"kelembagaan": Kelembagaan, "ppid": Ppid, "obstacles": Obstacles}
ROWS = {
    "publications": Publication,
    "activities": Activity,
    "dp3_villages": Dp3Village,
    "dp3_activities": Dp3Activity,
}


def _values(data) -> dict:
    return {field.name: getattr(data, field.name) for field in fields(data) if field.name != "id"}


def _editable_report(report_id: int, user: User, expected_version: str | None) -> Report:
    """The report, locked, if `user` may change its content now (and it is still the version
    the caller read, when `expected_version` is given: else StaleReport)."""
    report = _locked_report(report_id)
    if not access.is_operator_of_report(user, report):
        raise WorkflowError(_("Hanya operator satker ini yang dapat mengubah laporannya."))
    if not access.can_edit(user, report):
        raise WorkflowError(
            _("Laporan ini tidak dapat diubah lagi: statusnya %(status)s.")
            % {"status": report.get_status_display()}
        )
    _check_version(report, expected_version)
    return report


@transaction.atomic
def save_report(
    *, report_id: int, user: User, content: ReportContent, expected_version: str | None = None
) -> Report:
    """Write `content` to a draft or returned report of the user's satker.

    Raises WorkflowError when the report may not be changed (now), StaleReport when it is no
    longer `expected_version`, and ValidationError, keyed by section (and row number), when
    the content breaks a rule of the report.
    """
    report = _editable_report(report_id, user, expected_version)
    errors: dict[str, list[str]] = {}
    writes = []
    for name, model in ONE_TO_ONE.items():
        data = getattr(content, name)
        if data is not None:
            writes.append(_prepare_section(report, model, name, data, errors))
    for name, model in ROWS.items():
        rows = getattr(content, name)
        if rows is not None:
            writes.append(_prepare_rows(report, model, name, rows, errors))
    if errors:
        raise ValidationError(errors)
    for write in writes:
        write()
    _changed(report, actor=user, action=Action.SAVED)
    return report


ROW_SECTIONS = {
    PublicationData: "publications",
    ActivityData: "activities",
    Dp3VillageData: "dp3_villages",
    Dp3ActivityData: "dp3_activities",
}
RowData = PublicationData | ActivityData | Dp3VillageData | Dp3ActivityData


@transaction.atomic
def add_row(
    *, report_id: int, user: User, row: RowData, expected_version: str | None = None
) -> models.Model:
    """Add one row (a publication, an activity, a DP3 village or activity) to the report,
    leaving the others as they are: for a system that sends its items one by one."""
    report = _editable_report(report_id, user, expected_version)
    section = ROW_SECTIONS[type(row)]
    model = ROWS[section]
    instance = model(report=report, **_values(row))
    errors: dict[str, list[str]] = {}
    _validate(instance, section, errors)
    if errors:
        raise ValidationError(errors)
    instance.save()
    _changed(report, actor=user, action=Action.SAVED)
    return instance


@transaction.atomic
def remove_row(
    *, report_id: int, user: User, section: str, row_id: int, expected_version: str | None = None
) -> Report:
    """Remove one row of `section` ("publications", "activities", "dp3_villages",
    "dp3_activities") from the report."""
    report = _editable_report(report_id, user, expected_version)
    deleted, _by_model = ROWS[section].objects.filter(report=report, pk=row_id).delete()
    if not deleted:  # removed by a colleague while this request waited for the lock
        raise WorkflowError(_("Baris ini sudah tidak ada di laporan; muat ulang halaman."))
    _changed(report, actor=user, action=Action.SAVED)
    return report


def _prepare_section(report: Report, model, name: str, data, errors: dict):
    instance = model.objects.filter(report=report).first() or model(report=report)
    for field_name, value in _values(data).items():
        setattr(instance, field_name, value)
    _validate(instance, name, errors)
    return instance.save


def _prepare_rows(report: Report, model, name: str, rows: Sequence, errors: dict):
    existing = {row.pk: row for row in model.objects.filter(report=report)}
    kept, added, changed = set(), [], []
    for number, data in enumerate(rows, start=1):
        if data.id is None:
            instance = model(report=report)
            added.append(instance)
        elif data.id in existing:
            instance = existing[data.id]
            kept.add(data.id)
            changed.append(instance)
        else:
            errors.setdefault(f"{name}.{number}", []).append(
                _("Baris ini sudah tidak ada di laporan; muat ulang halaman.")
            )
            continue
        for field_name, value in _values(data).items():
            setattr(instance, field_name, value)
        _validate(instance, f"{name}.{number}", errors)
    value_fields = [
        field.name for field in model._meta.concrete_fields if field.name not in ("id", "report")
    ]

    def write():
        model.objects.filter(report=report).exclude(pk__in=kept).delete()
        if changed:
            model.objects.bulk_update(changed, value_fields)
        model.objects.bulk_create(added)

    return write


def _validate(instance: models.Model, key: str, errors: dict) -> None:
    try:
        instance.full_clean(exclude=["report"], validate_unique=False)
    except ValidationError as error:
        for field_name, messages in error.message_dict.items():
            label = (
                ""
                if field_name == "__all__"
                else f"{instance._meta.get_field(field_name).verbose_name}: "
            )
            errors.setdefault(key, []).extend(f"{label}{message}" for message in messages)
