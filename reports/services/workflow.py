"""Every step of the monthly report's life: start, save, submit, withdraw, review, reopen.

Each step locks the report row (`select_for_update`) inside a transaction and re-checks the
rule on the locked row, so two people acting at once cannot both succeed: the second one
waits for the first, then finds the report already moved and gets a `WorkflowError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bakohumas.mail import queue_email
from satker.models import Role, Satker, User

from ..models import (
    Attachment,
    Dp3Village,
    Kelembagaan,
    Notification,
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


def _locked_report(report_id: int) -> Report:
    # of=("self",): lock only the report row; the satker and period joins stay unlocked.
    return (
        Report.objects.select_for_update(of=("self",))
        .select_related("satker__parent", "period")
        .get(pk=report_id)
    )


def _record(report: Report, *, actor: User, from_status: str, note: str = "") -> ReportEvent:
    return ReportEvent.objects.create(
        report=report, actor=actor, from_status=from_status, to_status=report.status, note=note
    )


def _move(report: Report, *, to: Status, user: User, note: str = "", also=()) -> None:
    """Change the locked report's status (and the fields in `also`) and record the step."""
    from_status = report.status
    report.status = to
    report.save(update_fields=["status", "updated_at", *also])
    _record(report, actor=user, from_status=from_status, note=note)


@transaction.atomic
def start_report(*, satker: Satker, period: ReportingPeriod, user: User) -> Report:
    """The satker's report for `period`, created as a draft if it does not exist yet.

    Section A and the DP3 villages are copied from the satker's latest earlier report, so an
    operator types only what changed.
    """
    existing = Report.objects.filter(satker=satker, period=period).first()
    if existing:
        return existing
    if not user.is_operator_of(satker.pk):
        raise WorkflowError(_("Hanya operator satker ini yang dapat membuat laporannya."))
    try:
        with transaction.atomic():
            report = Report.objects.create(satker=satker, period=period)
    except IntegrityError:  # another operator of the satker clicked at the same moment
        return Report.objects.get(satker=satker, period=period)

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
    _record(report, actor=user, from_status="")
    return report


@transaction.atomic
def save_report(*, report_id: int, user: User, save_sections: Callable[[Report], None]) -> Report:
    """Save the operator's edits (validated forms, saved by `save_sections`) to a draft."""
    report = _locked_report(report_id)
    if not report.can_edit(user):
        raise WorkflowError(
            _("Laporan ini tidak dapat diubah lagi: statusnya %(status)s.")
            % {"status": report.get_status_display()}
        )
    save_sections(report)
    report.save(update_fields=["updated_at"])
    return report


def missing_for_submission(report: Report) -> list[str]:
    """What must still be filled before the report can be sent, in the user's words."""
    missing = []
    kelembagaan = report.kelembagaan
    if kelembagaan.bakohumas_formed is None:
        missing.append(_("A: jawab apakah Bakohumas sudah dibentuk."))
    elif kelembagaan.bakohumas_formed and not (kelembagaan.sk_number and kelembagaan.sk_date):
        missing.append(_("A: isi nomor dan tanggal SK pembentukan Bakohumas."))
    if kelembagaan.wa_group_formed is None:
        missing.append(_("A: jawab apakah grup WhatsApp Bakohumas sudah dibentuk."))
    elif kelembagaan.wa_group_formed and not kelembagaan.wa_member_count:
        missing.append(_("A: isi jumlah anggota grup WhatsApp."))
    if kelembagaan.coordinated_with_pemda is None:
        missing.append(_("A: jawab apakah ada koordinasi dengan Pemkab/Pemko bulan ini."))
    has_work = report.publications.exists() or report.activities.exists()
    if not has_work and not report.obstacles.no_activity_reason.strip():
        missing.append(
            _(
                "B/C: catat sedikitnya satu publikasi atau kegiatan, atau jelaskan di bagian F "
                "mengapa bulan ini tidak ada."
            )
        )
    return missing


def _operators(satker_id: int) -> Iterable[User]:
    return User.objects.filter(
        is_active=True, membership__satker_id=satker_id, membership__role=Role.OPERATOR
    )


def _reviewers(satker: Satker) -> Iterable[User]:
    return User.objects.filter(
        is_active=True,
        membership__satker_id__in=satker.reviewing_satker_ids,
        membership__role=Role.REVIEWER,
    )


def _notify(report: Report, users: Iterable[User], message: str, note: str = "") -> None:
    users = list(users)
    Notification.objects.bulk_create(
        Notification(user=user, report=report, message=message) for user in users
    )
    for user in users:
        if user.email:
            queue_email(
                template="report_status",
                context={
                    "user": user,
                    "report": report,
                    "message": message,
                    "note": note,
                    "site_url": settings.SITE_URL,
                },
                to=[user.email],
            )


@transaction.atomic
def submit_report(*, report_id: int, user: User) -> Report:
    report = _locked_report(report_id)
    if not report.can_edit(user):
        raise WorkflowError(
            _("Laporan ini tidak dapat dikirim: statusnya %(status)s.")
            % {"status": report.get_status_display()}
        )
    missing = missing_for_submission(report)
    if missing:
        raise WorkflowError(
            _("Laporan belum dapat dikirim. Lengkapi dulu: %(items)s")
            % {"items": " ".join(missing)}
        )
    resubmitted = report.status == Status.RETURNED
    now = timezone.now()
    if report.first_submitted_at is None:
        report.first_submitted_at = now
        report.late = now >= deadline_end(report.period.deadline)
    report.submitted_at = now
    _move(
        report, to=Status.SUBMITTED, user=user, also=["first_submitted_at", "submitted_at", "late"]
    )
    verb = _("mengirim ulang") if resubmitted else _("mengirim")
    _notify(
        report,
        _reviewers(report.satker),
        _("%(satker)s %(verb)s laporan %(period)s; menunggu verifikasi.")
        % {"satker": report.satker.name, "verb": verb, "period": report.period.label},
    )
    return report


@transaction.atomic
def withdraw_report(*, report_id: int, user: User) -> Report:
    report = _locked_report(report_id)
    if not report.can_withdraw(user):
        raise WorkflowError(
            _("Laporan ini tidak dapat ditarik: sudah diverifikasi atau bukan laporan satker Anda.")
        )
    _move(report, to=Status.DRAFT, user=user)
    return report


@transaction.atomic
def approve_report(*, report_id: int, user: User, note: str = "") -> Report:
    report = _locked_report(report_id)
    if not report.can_review(user):
        raise WorkflowError(_review_refusal(report, user))
    _move(report, to=Status.APPROVED, user=user, note=note.strip())
    _notify(
        report,
        _operators(report.satker_id),
        _("Laporan %(period)s disetujui oleh KPU Provinsi.") % {"period": report.period.label},
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
    if not report.can_review(user):
        raise WorkflowError(_review_refusal(report, user))
    _move(report, to=Status.RETURNED, user=user, note=note.strip())
    _notify(
        report,
        _operators(report.satker_id),
        _("Laporan %(period)s dikembalikan untuk diperbaiki.") % {"period": report.period.label},
        note=note.strip(),
    )
    return report


def _review_refusal(report: Report, user: User) -> str:
    if report.status != Status.SUBMITTED:
        return _("Laporan ini sudah diproses (statusnya %(status)s); muat ulang halaman.") % {
            "status": report.get_status_display()
        }
    return _("Hanya reviewer KPU Provinsi yang membawahi satker ini yang dapat memverifikasi.")


@transaction.atomic
def reopen_report(*, report_id: int, user: User, note: str) -> Report:
    """An admin reopens an approved report for correction; recorded like any other step."""
    report = _locked_report(report_id)
    if not report.can_reopen(user):
        raise WorkflowError(_("Hanya admin yang dapat membuka kembali laporan yang disetujui."))
    if not note.strip():
        raise WorkflowError(_("Tuliskan alasan membuka kembali laporan ini."))
    _move(report, to=Status.RETURNED, user=user, note=note.strip())
    _notify(
        report,
        _operators(report.satker_id),
        _("Laporan %(period)s dibuka kembali oleh admin untuk diperbaiki.")
        % {"period": report.period.label},
        note=note.strip(),
    )
    return report


@transaction.atomic
def add_attachment(
    *, report_id: int, user: User, file, content_type: str, description: str = ""
) -> Attachment:
    report = _locked_report(report_id)
    if not report.can_edit(user):
        raise WorkflowError(_("Lampiran hanya dapat ditambahkan pada laporan yang masih draf."))
    attachment = Attachment(
        report=report,
        original_name=file.name[:255],
        content_type=content_type,
        size=file.size,
        description=description,
        uploaded_by=user,
    )
    attachment.file.save(file.name, file, save=False)
    attachment.save()
    return attachment


@transaction.atomic
def delete_attachment(*, attachment_id: int, user: User) -> Report:
    attachment = Attachment.objects.select_related("report").get(pk=attachment_id)
    report = _locked_report(attachment.report_id)
    if not report.can_edit(user):
        raise WorkflowError(_("Lampiran hanya dapat dihapus dari laporan yang masih draf."))
    stored = attachment.file.name
    attachment.delete()
    storage = attachment.file.storage
    transaction.on_commit(lambda: storage.delete(stored))
    return report
