"""Beat's way into the sweep: thin, and safe to run twice (the claims decide)."""

import datetime

from celery import shared_task
from django.utils import timezone

from . import services


@shared_task(soft_time_limit=240, time_limit=270)
def sweep_reminders(day: str | None = None) -> int:
    """The daily reminder sweep (beat, 08:00 WIB). Does nothing on a day off."""
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return len(services.sweep(day=today))
