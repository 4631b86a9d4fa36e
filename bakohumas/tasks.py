"""Housekeeping jobs of the whole project (no app owns them)."""

from celery import shared_task
from django.core.management import call_command

from bakohumas.health import record_heartbeat


@shared_task(soft_time_limit=14 * 60, time_limit=15 * 60)
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@shared_task(soft_time_limit=20, time_limit=30)
def heartbeat() -> None:
    record_heartbeat()
