"""The outbox: a message exists if and only if its change committed, goes out once, in the
recipient's language, and a failure is retried or reported, never lost."""

import datetime
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemEmailBackend
from django.db import transaction
from django.utils import timezone

from notifications import services
from notifications.models import Channel, DeliveryAttempt, Message
from reports import services as reports

from ..factories import portal_lines

pytestmark = pytest.mark.django_db


class FailingBackend(LocmemEmailBackend):
    """An SMTP server that answers with `error` (set by the test)."""

    error: Exception | None = None

    def send_messages(self, messages):
        if FailingBackend.error is not None:
            raise FailingBackend.error
        return super().send_messages(messages)


@pytest.fixture
def failing_mail(settings):
    settings.EMAIL_BACKEND = "tests.notifications.test_outbox.FailingBackend"
    yield FailingBackend
    FailingBackend.error = None


def emails(user):
    return Message.objects.filter(recipient=user, channel=Channel.EMAIL)


def test_no_message_without_the_change_that_caused_it(reviewer_sumut, submitted_medan):
    def approve_then_fail():
        with transaction.atomic():
            reports.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)
            raise RuntimeError("the request failed after the approval")

    with pytest.raises(RuntimeError):
        approve_then_fail()
    assert not Message.objects.filter(kind="report_event", context__action="approved").exists()


def test_each_message_is_rendered_in_its_recipients_language(
    reviewer_sumut, submitted_medan, operator_medan, django_capture_on_commit_callbacks
):
    operator_medan.language = "en"
    operator_medan.save()
    with django_capture_on_commit_callbacks(execute=True):
        reports.return_report(
            report_id=submitted_medan.pk, user=reviewer_sumut, note="Tautan publikasi rusak."
        )
    [email] = mail.outbox
    assert email.subject == "[Bakohumas] The October 2026 report was returned for correction."
    assert "Dear" in email.body
    assert "Tautan publikasi rusak." in email.body  # the reviewer's own words, as written
    assert f"/laporan/{submitted_medan.pk}/" in email.alternatives[0][0]


def test_two_workers_claim_a_message_and_only_one_sends_it(reviewer_sumut, submitted_medan):
    [message] = emails(reviewer_sumut)
    first = services.deliver_message(message_id=message.pk)
    second = services.deliver_message(message_id=message.pk)
    assert (first, second) == (Message.Status.SENT, None)
    assert len(mail.outbox) == 1
    assert DeliveryAttempt.objects.filter(message=message).count() == 1


def test_a_mail_server_that_is_down_is_retried_with_backoff_then_reported(
    reviewer_sumut, submitted_medan, failing_mail
):
    [message] = emails(reviewer_sumut)
    failing_mail.error = smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
    moment = timezone.now()
    waits = []
    for attempt in range(1, services.MAX_ATTEMPTS + 1):
        with time_machine.travel(moment, tick=False):
            services.deliver_due()
        message.refresh_from_db()
        assert message.attempts == attempt
        if message.status == Message.Status.PENDING:
            waits.append(message.due_at - moment)
            moment = message.due_at
    assert message.status == Message.Status.FAILED
    assert "Connection unexpectedly closed" in message.last_error
    results = list(message.deliveries.values_list("result", flat=True))
    assert results == ["retry"] * (services.MAX_ATTEMPTS - 1) + ["failed"]
    assert [round(w.total_seconds() / 60) for w in waits] == [1, 5, 15, 60, 180]


def test_a_refused_address_is_not_retried(reviewer_sumut, submitted_medan, failing_mail):
    [message] = emails(reviewer_sumut)
    failing_mail.error = smtplib.SMTPRecipientsRefused(
        {reviewer_sumut.email: (550, b"5.1.1 mailbox unavailable")}
    )
    services.deliver_due()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.FAILED, 1)
    assert "mailbox unavailable" in message.last_error
    assert services.deliver_due() == 0


def test_admin_sends_failed_messages_again(
    admin_client, reviewer_sumut, submitted_medan, failing_mail
):
    [message] = emails(reviewer_sumut)
    failing_mail.error = smtplib.SMTPRecipientsRefused({reviewer_sumut.email: (550, b"unknown")})
    services.deliver_due()
    listing = admin_client.get("/admin/notifications/message/?status=failed")
    assert list(listing.context["cl"].result_list) == [Message.objects.get(pk=message.pk)]

    failing_mail.error = None  # the address was corrected
    admin_client.post(
        "/admin/notifications/message/",
        {"action": "send_again", "_selected_action": [message.pk]},
    )
    services.deliver_due()
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert [m.to for m in mail.outbox] == [[reviewer_sumut.email]]


def test_a_message_abandoned_by_a_dead_worker_is_sent_by_a_later_sweep(
    reviewer_sumut, submitted_medan, settings
):
    [message] = emails(reviewer_sumut)
    claimed_at = timezone.now()
    assert services.claim(message.pk, now=claimed_at)  # ...and then the worker was killed
    assert services.deliver_due() == 0  # a live worker may still be sending it

    later = claimed_at + datetime.timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT + 1)
    with time_machine.travel(later, tick=False):
        assert services.deliver_due() == 1
        assert services.deliver_due() == 0
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert len(mail.outbox) == 1


def test_password_reset_keeps_no_link_in_the_outbox(
    client, operator_medan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/akun/kata-sandi/lupa/", {"email": operator_medan.email})
    [message] = Message.objects.filter(kind="password_reset")
    assert message.channel == Channel.EMAIL
    assert message.context == {}  # the worker makes the one-time link when it sends


def test_whatsapp_only_for_those_with_a_number_who_did_not_opt_out(
    settings, reviewer_sumut, submitted_medan, operator_medan, pimpinan_medan
):
    from ..factories import staff

    settings.WHATSAPP_BACKEND = "locmem"
    second = staff("operator2.medan", "12.71", whatsapp="+6281200000002", whatsapp_opt_out=True)
    operator_medan.whatsapp = "+6281200000001"
    operator_medan.save()
    reports.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="Perbaiki.")
    whatsapp = Message.objects.filter(channel=Channel.WHATSAPP)
    assert [m.recipient for m in whatsapp] == [operator_medan]
    assert portal_lines(second) == ["Laporan Oktober 2026 dikembalikan untuk diperbaiki."]


def test_no_whatsapp_rows_when_whatsapp_is_off(
    settings, reviewer_sumut, submitted_medan, operator_medan
):
    settings.WHATSAPP_BACKEND = "none"
    operator_medan.whatsapp = "+6281200000001"
    operator_medan.save()
    reports.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="Perbaiki.")
    assert not Message.objects.filter(channel=Channel.WHATSAPP).exists()
    assert emails(operator_medan).count() == 1


def test_the_satkers_official_number_stands_in_for_staff_without_one(operator_medan):
    satker = operator_medan.membership.satker
    satker.whatsapp = "061-4567890"
    satker.full_clean()
    satker.save()
    assert satker.whatsapp == "+62614567890"
    assert operator_medan.whatsapp_target() == "+62614567890"
    operator_medan.whatsapp_opt_out = True
    assert operator_medan.whatsapp_target() == ""
