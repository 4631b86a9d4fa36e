import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command

from bakohumas.health import record_heartbeat


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=60,
    max_retries=5,
    soft_time_limit=90,
    time_limit=120,
)
def send_email(*, to: list[str], subject: str, body: str, html_body: str) -> None:
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to
    )
    message.attach_alternative(html_body, "text/html")
    message.send()


@shared_task(soft_time_limit=14 * 60, time_limit=15 * 60)
def clear_expired_sessions() -> None:
    call_command("clearsessions")


@shared_task(soft_time_limit=20, time_limit=30)
def heartbeat() -> None:
    record_heartbeat()
