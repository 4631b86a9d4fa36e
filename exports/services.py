"""Every write of the exports app: ask for an export, build it, sweep old files away.

Small exports are built inside the request (`export_now`). Big ones become an `ExportJob`
(`request_export`), built by the worker (`run_export`) with its progress saved as it goes,
so the page polling it sees the bar move. A job is claimed with a conditional UPDATE, so a
task delivered twice (or re-sent by the sweep) builds the file once.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from satker.models import User

from .models import ExportJob
from .registry import get_kind
from .writers.pdf import write_pdf
from .writers.xlsx import write_xlsx

log = logging.getLogger(__name__)

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
WRITERS = {"xlsx": write_xlsx, "pdf": write_pdf}
KEEP_DAYS = 7  # a finished file is kept this long, then removed by the nightly sweep
STUCK_AFTER = datetime.timedelta(minutes=30)  # longer than the task's hard time limit
RESEND_AFTER = datetime.timedelta(minutes=3)  # a queued job no worker picked up


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    content_type: str


def export_now(*, user: User, kind: str, format: str, params: dict) -> ExportFile:
    """Build a small export at once, for the response (the scope was checked by the view)."""
    export_kind = get_kind(kind, format)
    document = export_kind.build(user, params, format)
    content = WRITERS[format](document)
    return ExportFile(content, f"{document.filename}.{format}", CONTENT_TYPES[format])


@transaction.atomic
def request_export(*, user: User, kind: str, format: str, params: dict, title: str) -> ExportJob:
    """Queue a big export for the worker; the task is sent once the job row is committed."""
    get_kind(kind, format)
    job = ExportJob.objects.create(
        user=user,
        kind=kind,
        format=format,
        params=params,
        title=title[:250],
        language=translation.get_language() or "id",
    )
    transaction.on_commit(lambda: _send(job.pk))
    return job


def _send(job_id) -> None:
    # Imported here: tasks.py imports this module.
    from .tasks import build_export

    try:
        build_export.delay(str(job_id))
    except Exception:  # broker down: the job waits, and the sweep sends it again
        log.exception("Export %s could not be queued; the sweep will retry", job_id)


def run_export(*, job_id) -> bool:
    """Build the job's file; False when another run has it (or had it) already."""
    now = timezone.now()
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING, started_at=now, progress=2
    )
    if claimed != 1:
        return False
    job = ExportJob.objects.select_related("user__membership__satker").get(pk=job_id)
    try:
        with translation.override(job.language):
            kind = get_kind(job.kind, job.format)
            document = kind.build(job.user, job.params, job.format)
            _save_progress(job.pk, 5)
            content = WRITERS[job.format](document, progress=_progress_of(job.pk))
            job.filename = f"{document.filename}.{job.format}"
            job.file.save(job.filename, ContentFile(content), save=False)
    except Exception:
        log.exception("Export %s failed", job_id)
        ExportJob.objects.filter(pk=job.pk).update(
            status=ExportJob.Status.FAILED,
            finished_at=timezone.now(),
            error=_("Berkas gagal dibuat. Coba lagi; bila tetap gagal, hubungi admin."),
        )
        return True
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE,
        progress=100,
        file=job.file.name,
        filename=job.filename,
        finished_at=timezone.now(),
    )
    return True


def _save_progress(job_id, percent: int) -> None:
    ExportJob.objects.filter(pk=job_id, progress__lt=percent).update(progress=percent)


def _progress_of(job_id):
    """A writer's progress (rows written of about how many) as 5–95 % of the job."""

    def report(done: int, total: int | None) -> None:
        if total:
            _save_progress(job_id, 5 + min(90, 90 * done // total))

    return report


def sweep_exports(*, now: datetime.datetime) -> dict[str, int]:
    """Nightly and safe to repeat: remove old files, fail stuck jobs, resend unsent ones."""
    old = ExportJob.objects.filter(created_at__lt=now - datetime.timedelta(days=KEEP_DAYS))
    files = [name for name in old.exclude(file="").values_list("file", flat=True)]
    removed, _by_model = old.delete()
    for name in files:
        ExportJob._meta.get_field("file").storage.delete(name)
    stuck = ExportJob.objects.filter(
        status=ExportJob.Status.RUNNING, started_at__lt=now - STUCK_AFTER
    ).update(
        status=ExportJob.Status.FAILED,
        finished_at=now,
        error=_("Pembuatan berkas terhenti. Silakan minta ulang."),
    )
    unsent = list(
        ExportJob.objects.filter(
            status=ExportJob.Status.QUEUED, created_at__lt=now - RESEND_AFTER
        ).values_list("pk", flat=True)
    )
    for job_id in unsent:
        _send(job_id)
    return {"removed": removed, "stuck": stuck, "resent": len(unsent)}
