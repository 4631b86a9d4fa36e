"""Evidence files: stored with their row or not at all, removed only by who may."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports import services
from reports.models import Action, Attachment
from reports.services import WorkflowError, attachments

from ..factories import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def add(report, user, name="bukti.pdf"):
    return services.add_attachment(
        report_id=report.pk,
        user=user,
        file=SimpleUploadedFile(name, PDF),
        content_type="application/pdf",
    )


def stored_files(media):
    return [path for path in media.rglob("*") if path.is_file()]


def test_evidence_is_stored_and_named_in_the_timeline(draft_medan, operator_medan, media):
    attachment = add(draft_medan, operator_medan, "SK Bakohumas.pdf")
    assert [path.name for path in stored_files(media)] == [attachment.file.name.split("/")[-1]]
    event = draft_medan.events.last()
    assert (event.action, event.note) == (Action.ATTACHMENT_ADDED, "SK Bakohumas.pdf")


def test_a_failed_upload_leaves_no_orphan_file(draft_medan, operator_medan, media, monkeypatch):
    def database_fails(*args, **kwargs):
        raise RuntimeError("database went away after the file was written")

    monkeypatch.setattr(attachments, "_changed", database_fails)
    with pytest.raises(RuntimeError):
        add(draft_medan, operator_medan)

    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_a_refused_upload_writes_no_file(submitted_medan, operator_medan, media):
    with pytest.raises(WorkflowError, match="statusnya Menunggu verifikasi"):
        add(submitted_medan, operator_medan)
    assert stored_files(media) == []


def test_removal_is_scoped_to_the_users_reports(
    draft_medan, operator_medan, operator_binjai, media
):
    attachment = add(draft_medan, operator_medan)

    with pytest.raises(WorkflowError, match="bukan milik laporan Anda"):
        services.delete_attachment(attachment_id=attachment.pk, user=operator_binjai)
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert len(stored_files(media)) == 1


def test_removal_deletes_the_file_once_committed(
    draft_medan, operator_medan, media, django_capture_on_commit_callbacks
):
    attachment = add(draft_medan, operator_medan)
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_attachment(attachment_id=attachment.pk, user=operator_medan)
    assert not Attachment.objects.exists()
    assert stored_files(media) == []
    assert draft_medan.events.last().action == Action.ATTACHMENT_REMOVED


def test_pimpinan_is_refused_even_when_the_report_exists(draft_medan, october, pimpinan_medan):
    with pytest.raises(WorkflowError, match="Hanya operator"):
        services.start_report(satker=draft_medan.satker, period=october, user=pimpinan_medan)
