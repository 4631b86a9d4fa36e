"""Celery's way into the outbox: thin, safe to run twice (claims decide who sends)."""

from celery import shared_task

from . import services


# Hard limits stay well under OUTBOX_CLAIM_TIMEOUT: a message claimed by a task that was
# killed is only reclaimed once no live task can still be sending it.
@shared_task(soft_time_limit=100, time_limit=120)
def deliver_messages(message_ids: list[int]) -> None:
    for message_id in message_ids:
        services.deliver_message(message_id=message_id)


@shared_task(soft_time_limit=200, time_limit=240)
def deliver_due() -> int:
    return services.deliver_due()


@shared_task(soft_time_limit=100, time_limit=120)
def process_password_resets() -> int:
    return services.process_password_reset_requests()
