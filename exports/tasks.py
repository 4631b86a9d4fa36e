from celery import shared_task
from django.utils import timezone

from .services import run_export, sweep_exports


@shared_task(soft_time_limit=10 * 60, time_limit=11 * 60, acks_late=True)
def build_export(job_id: str) -> None:
    # Safe twice: run_export claims the job with a conditional UPDATE first.
    run_export(job_id=job_id)


@shared_task(soft_time_limit=5 * 60, time_limit=6 * 60)
def clean_old_exports() -> None:
    sweep_exports(now=timezone.now())
