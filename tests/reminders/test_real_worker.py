"""Exactly once with real Celery workers on the configured broker (Redis in CI): overlapping
sweeps, and a worker killed between claiming a message and sending it."""

import datetime
import socket
import threading
import time

import pytest
from django.conf import settings

from notifications.models import Channel, DeliveryAttempt, Message
from notifications.tasks import deliver_due
from reminders import services
from reminders.models import Reminder, ReminderSettings
from reminders.tasks import sweep_reminders
from reports.models import ReportingPeriod
from satker.models import Role, Satker

from ..conftest import (
    emails_sent_by,
    redis_reachable,
    require_service,
    start_worker,
    stop_worker,
    wait_for,
    worker_log,
)
from ..factories import staff

pytestmark = pytest.mark.django_db(transaction=True)

MONDAY = "2026-12-14"  # +4 days after the November deadline: an overdue round is due


@pytest.fixture
def real_broker():
    require_service(redis_reachable(), f"Redis at {settings.REDIS_URL} is not reachable")
    from bakohumas.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    return app


@pytest.fixture
def november():
    return ReportingPeriod.objects.create(year=2026, month=11, deadline=datetime.date(2026, 12, 10))


def test_two_sweeps_started_at_once_send_each_reminder_once(real_broker, november, tmp_path):
    satkers = Satker.objects.regencies().order_by("code")[:10]
    operators = [staff(f"op.{satker.code}", satker.code, Role.OPERATOR) for satker in satkers]
    ReminderSettings.objects.create(pk=1, digest_weekday=4)  # no Friday digest on a Monday
    first, second = start_worker(tmp_path, "satu"), start_worker(tmp_path, "dua")
    try:
        sweep_reminders.delay(MONDAY)
        sweep_reminders.delay(MONDAY)
        expected = len(operators)
        assert wait_for(lambda: len(emails_sent_by(first, second)) >= expected, timeout=60), (
            worker_log(first) + worker_log(second)
        )
        time.sleep(3)  # anything sent twice would arrive by now
        sent = emails_sent_by(first, second)
    finally:
        stop_worker(first)
        stop_worker(second)
    assert sent == sorted(f"{user.username}@example.org" for user in operators)
    assert Reminder.objects.count() == expected
    assert Message.objects.filter(channel=Channel.EMAIL, status=Message.Status.SENT).count() == (
        expected
    )


@pytest.fixture
def silent_mail_server():
    """An SMTP port that accepts connections and never answers: a worker sending to it hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []

    def accept():
        while True:
            try:
                connection, _address = listener.accept()
            except OSError:
                return
            held.append(connection)

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()
    for connection in held:
        connection.close()


def test_a_worker_killed_after_claiming_leaves_its_message_to_a_later_sweep(
    real_broker, november, tmp_path, silent_mail_server
):
    operator = staff("operator.medan", "12.71", Role.OPERATOR)
    claim_timeout = {"OUTBOX_CLAIM_TIMEOUT": "3"}
    doomed = start_worker(
        tmp_path, "mati", EMAIL_URL=f"smtp://127.0.0.1:{silent_mail_server}", **claim_timeout
    )
    services.sweep(day=datetime.date.fromisoformat(MONDAY))  # commits, and asks for delivery
    email = Message.objects.get(recipient=operator, channel=Channel.EMAIL)
    try:
        assert wait_for(
            lambda: Message.objects.get(pk=email.pk).status == Message.Status.SENDING
        ), "the first worker never claimed the e-mail"
    finally:
        stop_worker(doomed, kill=True)  # SIGKILL: no chance to finish or to clean up

    rescuer = start_worker(tmp_path, "penolong", **claim_timeout)
    try:
        time.sleep(4)  # longer than the claim timeout: the claim is now abandoned
        deliver_due.delay()  # beat's next minute
        assert wait_for(lambda: len(emails_sent_by(rescuer)) == 1), worker_log(rescuer)
        deliver_due.delay()
        time.sleep(3)
        sent = emails_sent_by(rescuer)
    finally:
        stop_worker(rescuer)
    assert sent == ["operator.medan@example.org"]
    email.refresh_from_db()
    assert (email.status, email.attempts) == (Message.Status.SENT, 2)
    assert DeliveryAttempt.objects.filter(message=email).count() == 1
