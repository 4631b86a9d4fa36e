"""Every step of the monthly report's life: start, submit, withdraw, review, reopen.

Each step locks the report row (`_locked_report`, a `select_for_update`) inside a
transaction, re-checks the rule on the locked row (`reports.access`), changes the status
(`_move`) and records the step with its action (`_record`). Two people acting at once cannot
both succeed: the second one waits for the first, then finds the report already moved and
gets a `WorkflowError`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.models import Channel
from notifications.services import notify
from satker import access as satker_access
from satker.models import Satker, User

from .. import access, versions
from ..messages import REPORT_EVENT, REPORT_TARGET
from ..models import (
    SENDS_BACK,
    Action,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Report,
    ReportEvent,
    ReportingPeriod,
    Status,
    deadline_end,
)


class WorkflowError(Exception):
    """A step the user may not take now; the message is shown to them as it is."""


class StaleReport(WorkflowError):
    """The report changed since the caller read it (another system or person wrote first)."""


def _check_version(report: Report, expected_version: str | None) -> None:
    """Refuse a write based on an older version of the locked report (None: no check)."""
    if expected_version is not None and expected_version != report.version:
        raise StaleReport(
            _("Laporan ini sudah diubah sejak Anda membacanya. Muat ulang, lalu ulangi.")
        )


def _locked_report(report_id: int) -> Report:
    # of=("self",): lock only the report row; the satker and period joins stay unlocked.
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("satker__parent", "period")
        .get(pk=report_id)
    )


def _changed(report: Report, *, actor: User, action: Action, note: str = "") -> None:
    """The report's content or evidence changed: a new version (`updated_at`, the API's
    ETag), and the step on its timeline."""
    report.save(update_fields=["updated_at"])
    _record(report, actor=actor, action=action, note=note)


def _record(
    report: Report, *, actor: User, action: Action, from_status: str | None = None, note=""
) -> ReportEvent:
    """Add the step to the report's timeline.

    Saving a draft again and again is one step: a save right after the same person's save
    moves that event's time forward instead of adding another line to the timeline.
    """
    now = timezone.now()
    versions.report_changed(report, action)  # cached dashboard fragments of it go stale
    if action == Action.SAVED:
        last = report.events.order_by("-created_at", "-pk").first()
        if last and last.action == Action.SAVED and last.actor_id == actor.pk:
            ReportEvent.objects.filter(pk=last.pk).update(created_at=now)
            return last
    return ReportEvent.objects.create(
        report=report,
        actor=actor,
        action=action,
        created_at=now,
        from_status=report.status if from_status is None else from_status,
        to_status=report.status,
        note=note,
    )


def _move(
    report: Report, *, to: Status, user: User, action: Action, note: str = "", also=()
) -> None:
    """Change the locked report's status (and the fields in `also`) and record the step."""
    from_status = report.status
    report.status = to
    report.save(update_fields=["status", "updated_at", *also])
    _record(report, actor=user, action=action, from_status=from_status, note=note)


@transaction.atomic
def start_report(*, satker: Satker, period: ReportingPeriod, user: User) -> Report:
    """The satker's report for `period`, created as a draft if it does not exist yet."""
    return get_or_start_report(satker=satker, period=period, user=user)[0]


def get_or_start_report(
    *, satker: Satker, period: ReportingPeriod, user: User
) -> tuple[Report, bool]:
    """The satker's report for `period`, and whether this call created it as a draft.

    Section A and the DP3 villages are copied from the satker's latest earlier report, so an
    operator types only what changed.
    """
    if not access.can_start_report(user, satker):
        raise WorkflowError(_("Hanya operator satker ini yang dapat membuat laporannya."))
    existing = Report.objects.filter(satker=satker, period=period).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            report = Report.objects.create(satker=satker, period=period)
    except IntegrityError:  # another operator of the satker clicked at the same moment
        return Report.objects.get(satker=satker, period=period), False

    previous = (
        Report.objects.filter(satker=satker)
        .filter(
            Q(period__year__lt=period.year)
            | Q(period__year=period.year, period__month__lt=period.month)
        )
        .order_by("-period__year", "-period__month")
        .first()
    )
    kelembagaan = Kelembagaan(report=report)
    if previous is not None:
        earlier = Kelembagaan.objects.filter(report=previous).first()
        for field in Kelembagaan.CARRIED_OVER if earlier else []:
            setattr(kelembagaan, field, getattr(earlier, field))
        villages = list(previous.dp3_villages.all())
        for village in villages:
            village.pk = None
            village.report = report
        Dp3Village.objects.bulk_create(villages)
    kelembagaan.save()
    Ppid.objects.create(report=report)
    Obstacles.objects.create(report=report)
    _record(report, actor=user, action=Action.CREATED, from_status="")
    return report, True


@dataclass(frozen=True)
class Missing:
    """Something to fill before the report can be sent, and the section it belongs to."""

    section: str
    text: str

    def __str__(self) -> str:
        return self.text


def missing_for_submission(report: Report) -> list[Missing]:
    """What must still be filled before the report can be sent, in the user's words."""
    missing = []
    kelembagaan = report.kelembagaan
    if kelembagaan.bakohumas_formed is None:
        missing.append(Missing("a", _("A: jawab apakah Bakohumas sudah dibentuk.")))
    elif kelembagaan.bakohumas_formed and not (kelembagaan.sk_number and kelembagaan.sk_date):
        missing.append(Missing("a", _("A: isi nomor dan tanggal SK pembentukan Bakohumas.")))
    if kelembagaan.wa_group_formed is None:
        missing.append(Missing("a", _("A: jawab apakah grup WhatsApp Bakohumas sudah dibentuk.")))
    elif kelembagaan.wa_group_formed and not kelembagaan.wa_member_count:
        missing.append(Missing("a", _("A: isi jumlah anggota grup WhatsApp.")))
    if kelembagaan.coordinated_with_pemda is None:
        missing.append(
            Missing("a", _("A: jawab apakah ada koordinasi dengan Pemkab/Pemko bulan ini."))
        )
    has_work = report.publications.exists() or report.activities.exists()
    if not has_work and not report.obstacles.no_activity_reason.strip():
        missing.append(
            Missing(
                "b",
                _(
                    "B/C: catat sedikitnya satu publikasi atau kegiatan, atau jelaskan di bagian "
                    "F mengapa bulan ini tidak ada."
                ),
            )
        )
    return missing


def _notify(report: Report, users, *, action: Action, actor: User, note: str = "") -> None:
    """Tell the other side, through the outbox, in this transaction: returned or reopened
    reports need the operators' action, so those also go to WhatsApp."""
    channels = {Channel.PORTAL, Channel.EMAIL}
    if action in SENDS_BACK:
        channels.add(Channel.WHATSAPP)
    notify(
        recipients=users,
        kind=REPORT_EVENT,
        target=(REPORT_TARGET, report.pk),
        channels=channels,
        context={
            "action": action.value,
            "satker_name": report.satker.name,
            "year": report.period.year,
            "month": report.period.month,
            "note": note,
            "actor_name": actor.get_full_name() or actor.get_username(),
            "path": report.get_absolute_url(),
        },
    )


@transaction.atomic
def submit_report(*, report_id: int, user: User) -> Report:
    report = _locked_report(report_id)
    if not access.can_edit(user, report):
        raise WorkflowError(
            _("Laporan ini tidak dapat dikirim: statusnya %(status)s.")
            % {"status": report.get_status_display()}
        )
    missing = missing_for_submission(report)
    if missing:
        raise WorkflowError(
            _("Laporan belum dapat dikirim. Lengkapi dulu: %(items)s")
            % {"items": " ".join(map(str, missing))}
        )
    # Sent before (then returned, or withdrawn): the reviewers see it again.
    action = Action.RESUBMITTED if report.was_sent else Action.SUBMITTED
    now = timezone.now()
    if report.first_submitted_at is None:
        report.first_submitted_at = now
        report.late = now >= deadline_end(report.period.deadline)
    report.submitted_at = now
    _move(
        report,
        to=Status.SUBMITTED,
        user=user,
        action=action,
        also=["first_submitted_at", "submitted_at", "late"],
    )
    _notify(report, satker_access.reviewers_of(report.satker), action=action, actor=user)
    return report


@transaction.atomic
def withdraw_report(*, report_id: int, user: User) -> Report:
    report = _locked_report(report_id)
    if not access.can_withdraw(user, report):
        raise WorkflowError(
            _("Laporan ini tidak dapat ditarik: sudah diverifikasi atau bukan laporan satker Anda.")
        )
    _move(report, to=Status.DRAFT, user=user, action=Action.WITHDRAWN)
    return report


@transaction.atomic
def approve_report(*, report_id: int, user: User, note: str = "") -> Report:
    report = _locked_report(report_id)
    if not access.can_review(user, report):
        raise WorkflowError(_review_refusal(report))
    _move(report, to=Status.APPROVED, user=user, action=Action.APPROVED, note=note.strip())
    _notify(
        report,
        satker_access.operators_of(report.satker_id),
        action=Action.APPROVED,
        actor=user,
        note=note.strip(),
    )
    return report


@transaction.atomic
def return_report(*, report_id: int, user: User, note: str) -> Report:
    if not note.strip():
        raise WorkflowError(
            _("Tuliskan catatan apa yang harus diperbaiki sebelum mengembalikan laporan.")
        )
    report = _locked_report(report_id)
    if not access.can_review(user, report):
        raise WorkflowError(_review_refusal(report))
    _move(report, to=Status.RETURNED, user=user, action=Action.RETURNED, note=note.strip())
    _notify(
        report,
        satker_access.operators_of(report.satker_id),
        action=Action.RETURNED,
        actor=user,
        note=note.strip(),
    )
    return report


def _review_refusal(report: Report) -> str:
    if not report.is_submitted:
        return _("Laporan ini sudah diproses (statusnya %(status)s); muat ulang halaman.") % {
            "status": report.get_status_display()
        }
    return _("Hanya reviewer KPU Provinsi yang membawahi satker ini yang dapat memverifikasi.")


@transaction.atomic
def reopen_report(*, report_id: int, user: User, note: str) -> Report:
    """An admin reopens an approved report for correction; recorded like any other step."""
    report = _locked_report(report_id)
    if not access.can_reopen(user, report):
        raise WorkflowError(_("Hanya admin yang dapat membuka kembali laporan yang disetujui."))
    if not note.strip():
        raise WorkflowError(_("Tuliskan alasan membuka kembali laporan ini."))
    _move(report, to=Status.RETURNED, user=user, action=Action.REOPENED, note=note.strip())
    _notify(
        report,
        satker_access.operators_of(report.satker_id),
        action=Action.REOPENED,
        actor=user,
        note=note.strip(),
    )
    return report
