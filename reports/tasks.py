from celery import shared_task
from django.utils import timezone

from .services import open_due_periods


@shared_task(soft_time_limit=50, time_limit=60)
def open_reporting_periods() -> None:
    # Idempotent: on any day but the first of a month it finds the period already open, so a
    # daily schedule also heals a run missed while the worker was down.
    open_due_periods(today=timezone.localdate())
