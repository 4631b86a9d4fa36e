"""Evidence files (lampiran): added to and removed from an editable report."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from satker.models import User

from .. import access
from ..models import Action, Attachment, Report
from .workflow import WorkflowError, _changed, _check_version, _locked_report


def add_attachment(
    *,
    report_id: int,
    user: User,
    file,
    content_type: str,
    description: str = "",
    expected_version: str | None = None,
) -> Attachment:
    """Store `file` (already checked: `uploads.check_upload`) as evidence of the report.

    The file is written inside the transaction that adds its row, and deleted again if that
    transaction does not commit, so a refused or failed upload leaves no orphan file behind.
    Call it outside any other transaction (a request is): a rollback further out would not
    reach the file.
    """
    written = None
    try:
        with transaction.atomic():
            report = _locked_report(report_id)
            if not access.can_edit(user, report):
                raise WorkflowError(_refusal(report, _("Lampiran tidak dapat ditambahkan")))
            _check_version(report, expected_version)
            attachment = Attachment(
                report=report,
                original_name=file.name[:255],
                content_type=content_type,
                size=file.size,
                description=description,
                uploaded_by=user,
            )
            attachment.file.save(file.name, file, save=False)
            written = attachment.file
            attachment.save()
            _changed(
                report, actor=user, action=Action.ATTACHMENT_ADDED, note=attachment.original_name
            )
    except BaseException:
        if written is not None:
            written.storage.delete(written.name)
        raise
    return attachment


def _refusal(report: Report, what: str) -> str:
    return _(
        "%(what)s: statusnya %(status)s. Lampiran hanya dapat diubah oleh operator satker "
        "selama laporan masih draf atau dikembalikan."
    ) % {"what": what, "status": report.get_status_display()}


@transaction.atomic
def delete_attachment(
    *, attachment_id: int, user: User, expected_version: str | None = None
) -> Report:
    """Remove evidence from an editable report; the file goes once the removal commits."""
    report_id = (
        Attachment.objects.visible_to(user).filter(pk=attachment_id).values("report_id").first()
    )
    if report_id is None:
        raise WorkflowError(_("Lampiran ini tidak ada atau bukan milik laporan Anda."))
    report = _locked_report(report_id["report_id"])
    if not access.can_edit(user, report):
        raise WorkflowError(_refusal(report, _("Lampiran tidak dapat dihapus")))
    _check_version(report, expected_version)
    attachment = report.attachments.filter(pk=attachment_id).first()
    if attachment is None:  # removed by a colleague while this request waited for the lock
        raise WorkflowError(_("Lampiran ini sudah dihapus."))
    stored = attachment.file.name
    storage = attachment.file.storage
    attachment.delete()
    _changed(report, actor=user, action=Action.ATTACHMENT_REMOVED, note=attachment.original_name)
    transaction.on_commit(lambda: storage.delete(stored))
    return report
