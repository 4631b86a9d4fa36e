"""The outbox: write messages with the change that causes them, deliver each exactly once.

* `notify` writes rows in the caller's transaction, so a message exists if and only if the
  change committed; after commit it asks a worker to deliver them. If the broker is down that
  request fails quietly: the user's request never does, and the sweeper finds the rows.
* `deliver_message` claims a row with a conditional UPDATE (pending → sending, one row
  changed or none), so two workers never send the same message; then renders it in the
  recipient's language, hands it to its channel and records the attempt.
* `deliver_due` (beat, every minute) sends what is due: new rows whose kick was lost, retries
  whose backoff has passed, and rows claimed by a worker that died before finishing.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from satker.models import User

from . import kinds
from .channels import PermanentError, TransientError, backend_for, whatsapp_enabled
from .models import Channel, DeliveryAttempt, Message, PasswordResetRequest
from .rendering import render

logger = logging.getLogger(__name__)

# Waits before each retry of a transient failure; after the last, the message has failed.
RETRY_DELAYS = [
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=15),
    datetime.timedelta(hours=1),
    datetime.timedelta(hours=3),
]
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1


@dataclass(frozen=True)
class Outgoing:
    """A message for one person, before it is split into one row per channel."""

    recipient: User
    kind: str
    context: dict = field(default_factory=dict)
    target: tuple[str, int] | None = None
    channels: Iterable[str] | None = None  # None: the kind's own channels


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    context: dict | None = None,
    target: tuple[str, int] | None = None,
    channels: Iterable[str] | None = None,
) -> list[Message]:
    """Put the same message for each recipient into the outbox (see `notify_each`)."""
    return notify_each(
        [
            Outgoing(
                recipient=user, kind=kind, context=context or {}, target=target, channels=channels
            )
            for user in recipients
        ]
    )


def notify_each(outgoing: Iterable[Outgoing]) -> list[Message]:
    """Put messages into the outbox, one row per channel, in one insert.

    In-portal rows are visible at once (the list renders them for the reader). E-mail rows
    need an address; WhatsApp rows need WhatsApp configured and a number the user has not
    opted out of. `context` is plain JSON data; the text is rendered at delivery.
    """
    whatsapp = whatsapp_enabled()
    now = timezone.now()
    rows = []
    for item in outgoing:
        wanted = item.channels if item.channels is not None else kinds.get(item.kind).channels
        target_type, target_id = item.target or ("", None)
        for channel in channels_for(item.recipient, wanted, whatsapp=whatsapp):
            portal = channel == Channel.PORTAL
            rows.append(
                Message(
                    recipient=item.recipient,
                    channel=channel,
                    kind=item.kind,
                    context=item.context,
                    target_type=target_type,
                    target_id=target_id,
                    created_at=now,
                    due_at=now,
                    status=Message.Status.SENT if portal else Message.Status.PENDING,
                    sent_at=now if portal else None,
                )
            )
    created = Message.objects.bulk_create(rows)
    _kick([message.pk for message in created if message.status == Message.Status.PENDING])
    return created


def channels_for(user: User, wanted: Iterable[str], *, whatsapp: bool | None = None) -> list:
    """The channels of `wanted` this user can be reached on now."""
    if whatsapp is None:
        whatsapp = whatsapp_enabled()
    reachable = []
    for channel in sorted(wanted):
        if channel == Channel.EMAIL and not user.email:
            continue
        if channel == Channel.WHATSAPP and not (whatsapp and user.whatsapp_target()):
            continue
        reachable.append(channel)
    return reachable


def _kick(message_ids: list[int]) -> None:
    """After commit, ask a worker to deliver now rather than at the next sweep."""
    if not message_ids:
        return

    def request_delivery():
        from .tasks import deliver_messages

        _request_task(deliver_messages, args=[message_ids])

    transaction.on_commit(request_delivery, robust=True)


def _request_task(task, *, args) -> None:
    """Ask a worker to run `task` now; if the broker is down, the minute sweeper will."""
    if task.app.conf.task_always_eager:  # tests: run it in this process
        task.apply(args=args)
        return
    try:
        # One quick try: with the broker down this must fail in a moment, not hold up the
        # request through kombu's default retries (seconds, or for ever).
        with task.app.connection_for_write() as connection:
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
            task.apply_async(args=args, connection=connection, retry=False)
    except Exception:  # any broker failure: the sweeper does it within a minute
        logger.warning("Broker tidak terjangkau; %s menunggu sweeper.", task.name)


def claim(message_id: int, *, now: datetime.datetime) -> bool:
    """Take a due message for this worker: True for exactly one of any number of callers."""
    claimed = Message.objects.filter(
        pk=message_id, status=Message.Status.PENDING, due_at__lte=now
    ).update(status=Message.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    return claimed == 1


def deliver_message(*, message_id: int) -> str | None:
    """Claim and deliver one message; returns its new status, or None if another had it."""
    now = timezone.now()
    if not claim(message_id, now=now):
        return None
    message = Message.objects.select_related("recipient__membership__satker").get(pk=message_id)
    return _send(message, claimed_at=now)


def _send(message: Message, *, claimed_at: datetime.datetime) -> str:
    attempt = DeliveryAttempt(message=message, started_at=timezone.now())
    changes = {"claimed_at": None}
    try:
        rendered = render(message)
        if rendered is None:
            # Its reason went away while it waited (the report was sent): say nothing.
            return _finish(message, claimed_at, status=Message.Status.MUTED, **changes)
        provider_id = backend_for(message.channel).send(message, rendered)
    except PermanentError as error:
        attempt.result, attempt.error = DeliveryAttempt.Result.FAILED, str(error)
        changes.update(status=Message.Status.FAILED, last_error=str(error))
    except Exception as error:  # transient, or a fault to retry and then report
        text = (
            str(error) if isinstance(error, TransientError) else f"{type(error).__name__}: {error}"
        )
        if message.attempts >= MAX_ATTEMPTS:
            attempt.result = DeliveryAttempt.Result.FAILED
            changes.update(status=Message.Status.FAILED, last_error=text)
        else:
            attempt.result = DeliveryAttempt.Result.RETRY
            delay = RETRY_DELAYS[message.attempts - 1]
            changes.update(
                status=Message.Status.PENDING, due_at=timezone.now() + delay, last_error=text
            )
        attempt.error = text
        if not isinstance(error, TransientError):
            logger.exception("Pesan %s gagal dikirim", message.pk)
    else:
        attempt.result, attempt.provider_message_id = DeliveryAttempt.Result.SENT, provider_id
        changes.update(status=Message.Status.SENT, sent_at=timezone.now(), last_error="")
    attempt.finished_at = timezone.now()
    attempt.save()
    return _finish(message, claimed_at, **changes)


def _finish(message: Message, held_since: datetime.datetime, **changes) -> str:
    # Only the worker that holds the claim may finish it (a stale worker must not overwrite).
    Message.objects.filter(
        pk=message.pk, status=Message.Status.SENDING, claimed_at=held_since
    ).update(**changes)
    return changes["status"]


def deliver_due(*, limit: int = 500) -> int:
    """Deliver what is waiting: due rows and rows abandoned by a dead worker. Returns how
    many this run claimed."""
    process_password_reset_requests()
    now = timezone.now()
    # Back to the queue, in one statement: its WHERE (still sending, claimed before the
    # cut-off) is checked row by row as it updates, so a row another sweeper released, or a
    # worker claimed again since, is left alone.
    Message.objects.abandoned(now).update(status=Message.Status.PENDING, due_at=now)
    due = Message.objects.due(now).order_by("due_at", "pk").values_list("pk", flat=True)
    handled = 0
    for message_id in list(due[:limit]):
        if deliver_message(message_id=message_id) is not None:
            handled += 1
    return handled


# Password reset -----------------------------------------------------------------------------


def request_password_reset(*, email: str) -> None:
    """Note the request; the worker looks the address up (see OutboxPasswordResetForm)."""
    PasswordResetRequest.objects.create(email=email)

    def process_soon():
        from .tasks import process_password_resets

        _request_task(process_password_resets, args=[])

    transaction.on_commit(process_soon, robust=True)


def process_password_reset_requests() -> int:
    """Send a reset e-mail to every active account with a usable password at each requested
    address. Each request is claimed once, so two workers never send it twice."""
    from django.contrib.auth.forms import PasswordResetForm

    handled = 0
    for request_id, email in PasswordResetRequest.objects.filter(
        processed_at__isnull=True
    ).values_list("pk", "email"):
        now = timezone.now()
        if not PasswordResetRequest.objects.filter(pk=request_id, processed_at__isnull=True).update(
            processed_at=now
        ):
            continue  # another worker has it
        with transaction.atomic():
            users = list(PasswordResetForm().get_users(email))
            notify(recipients=users, kind=kinds.PASSWORD_RESET, channels={Channel.EMAIL})
        handled += 1
    return handled


# The in-portal list ------------------------------------------------------------------------


def mark_read(*, user: User, target_type: str, target_id: int) -> int:
    """Reading the page a message is about reads the message."""
    return (
        Message.objects.filter(recipient=user)
        .unread()
        .about(target_type, target_id)
        .update(read_at=timezone.now())
    )


def mark_all_read(*, user: User) -> int:
    return Message.objects.filter(recipient=user).unread().update(read_at=timezone.now())


# Gateways' delivery reports ------------------------------------------------------------------


def record_provider_status(*, provider_message_id: str, status: str) -> int:
    """A gateway says what became of a message it took (delivered, read, failed)."""
    if not provider_message_id:
        return 0
    return DeliveryAttempt.objects.filter(provider_message_id=provider_message_id).update(
        provider_status=status[:30], provider_status_at=timezone.now()
    )


def retry_now(*, message_ids: Iterable[int]) -> int:
    """An admin sends failed messages again (after fixing the address or the gateway)."""
    return Message.objects.filter(pk__in=list(message_ids), status=Message.Status.FAILED).update(
        status=Message.Status.PENDING, due_at=timezone.now(), attempts=0
    )
