"""Who may fetch which export: a job is its requester's alone, and only while what it shows
is still in their scope. Anything else is a 404, never a 403."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from .models import ExportJob
from .registry import get_kind


def get_job_for_user(user, pk) -> ExportJob:
    job = get_object_or_404(ExportJob.objects.visible_to(user), pk=pk)
    # A reviewer moved to another province no longer reads the old one's files.
    get_kind(job.kind).check_scope(user, job.params)
    return job


def recent_jobs_of(user):
    return ExportJob.objects.visible_to(user)[:20]
