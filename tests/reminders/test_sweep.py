"""A whole reporting period, day by day, as beat runs the sweep at 08:00 WIB."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from notifications.models import Message
from notifications.services import deliver_due
from reminders.models import Kind, Reminder
from reminders.tasks import sweep_reminders
from reports import services
from reports.models import ReportingPeriod

from ..factories import complete, portal_lines

pytestmark = pytest.mark.django_db

WIB = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def november():
    """November 2026, due Thursday 10 December 2026."""
    return ReportingPeriod.objects.create(year=2026, month=11, deadline=datetime.date(2026, 12, 10))


@pytest.fixture
def medan_and_binjai(operator_medan, pimpinan_medan, operator_binjai, reviewer_sumut):
    return operator_medan, pimpinan_medan, operator_binjai, reviewer_sumut


def morning(day: int, month: int = 12) -> datetime.datetime:
    return datetime.datetime(2026, month, day, 8, 0, tzinfo=WIB)


def run_sweep(day, capture, month=12):
    """Beat's 08:00 run on `day`; returns the e-mails it caused, as (to, subject)."""
    mail.outbox.clear()
    with time_machine.travel(morning(day, month), tick=False), capture(execute=True):
        sweep_reminders()
    return sorted(
        (m.to[0].split("@")[0], m.subject.removeprefix("[Bakohumas] ")) for m in mail.outbox
    )


def send_report(report_owner, period, capture):
    report = services.start_report(
        satker=report_owner.membership.satker, period=period, user=report_owner
    )
    complete(report)
    with capture(execute=True):
        services.submit_report(report_id=report.pk, user=report_owner)


def test_a_whole_period_of_reminders(
    november, medan_and_binjai, django_capture_on_commit_callbacks
):
    operator_medan, pimpinan_medan, operator_binjai, reviewer = medan_and_binjai
    sweep = lambda day: run_sweep(day, django_capture_on_commit_callbacks)  # noqa: E731

    for day in range(1, 7):
        assert sweep(day) == [], day  # the month has ended, but H-3 is 7 December

    h_minus_3 = "Pengingat: Laporan November 2026: batas waktu 10 Desember 2026, 3 hari lagi."
    assert sweep(7) == [("operator.binjai", h_minus_3), ("operator.medan", h_minus_3)]

    with time_machine.travel(morning(8), tick=False):
        send_report(operator_binjai, november, django_capture_on_commit_callbacks)
    assert sweep(8) == []

    assert sweep(9) == [
        (
            "operator.medan",
            "Pengingat: Laporan November 2026: batas waktu 10 Desember 2026, 1 hari lagi.",
        )
    ]
    assert sweep(10) == [
        (
            "operator.medan",
            "Pengingat: Laporan November 2026: batas waktu hari ini, 10 Desember 2026.",
        )
    ]
    assert sweep(11) == []
    assert sweep(12) == []  # Saturday
    assert sweep(13) == []  # Sunday: +3 falls here...

    overdue_monday = sweep(14)  # ...and goes out on Monday, with the reviewers' weekly digest
    assert (
        "operator.medan",
        "Pengingat: Laporan November 2026: terlambat 4 hari (batas waktu 10 Desember 2026).",
    ) in overdue_monday
    assert (
        "reviewer.sumut",
        "Ringkasan mingguan Bakohumas: laporan yang perlu tindakan",
    ) in overdue_monday
    assert len(overdue_monday) == 2
    assert sweep(15) == []

    # 16 December (+6): the server is down, no sweep. The next morning sends the missed
    # overdue round once, together with the escalation of +7, in one message each.
    assert sweep(17) == [
        (
            "operator.medan",
            "Pengingat: Laporan November 2026: terlambat 7 hari (batas waktu 10 Desember 2026); "
            "diteruskan ke pimpinan satker.",
        ),
        (
            "pimpinan.medan",
            "Pengingat: Laporan November 2026: terlambat 7 hari; diteruskan ke pimpinan satker.",
        ),
    ]
    assert sweep(18) == []  # nothing replayed

    with time_machine.travel(morning(18), tick=False):
        send_report(operator_medan, november, django_capture_on_commit_callbacks)
    monday = sweep(21)  # +11: an overdue round, but Medan has sent: only the digest
    assert [to for to, _subject in monday] == ["reviewer.sumut"]
    assert sweep(25) == []  # Natal, a Friday and a public holiday

    kinds = list(
        Reminder.objects.filter(recipient=operator_medan)
        .order_by("due_date")
        .values_list("kind", "due_date")
    )
    assert kinds == [
        (Kind.BEFORE_DEADLINE, datetime.date(2026, 12, 7)),
        (Kind.BEFORE_DEADLINE, datetime.date(2026, 12, 9)),
        (Kind.DEADLINE, datetime.date(2026, 12, 10)),
        (Kind.OVERDUE, datetime.date(2026, 12, 13)),
        (Kind.OVERDUE, datetime.date(2026, 12, 16)),
        (Kind.ESCALATION, datetime.date(2026, 12, 17)),
    ]


def test_one_message_lists_everything_due_for_a_person(
    operator_medan, django_capture_on_commit_callbacks
):
    for month in (9, 10, 11):
        ReportingPeriod.objects.create(
            year=2026, month=month, deadline=datetime.date(2026, month + 1, 10)
        )
    emails = run_sweep(14, django_capture_on_commit_callbacks)
    assert emails == [("operator.medan", "Pengingat: 3 laporan KPU Kota Medan perlu tindakan.")]
    [email] = mail.outbox
    assert email.body.count("Laporan ") == 3
    assert "Laporan September 2026: terlambat 65 hari" in email.body
    assert "Laporan November 2026: terlambat 4 hari" in email.body
    assert portal_lines(operator_medan) == ["Pengingat: 3 laporan KPU Kota Medan perlu tindakan."]


def test_a_submission_mutes_reminders_already_in_the_outbox(
    november, operator_medan, django_capture_on_commit_callbacks
):
    with time_machine.travel(morning(14), tick=False):
        sweep_reminders()  # rows written, the worker has not delivered them yet
    pending = Message.objects.filter(recipient=operator_medan, status=Message.Status.PENDING)
    assert pending.exists()

    with time_machine.travel(morning(14) + datetime.timedelta(minutes=5), tick=False):
        send_report(operator_medan, november, django_capture_on_commit_callbacks)
        mail.outbox.clear()
        deliver_due()  # the sweeper, a minute later

    assert [m.to for m in mail.outbox] == []
    assert not pending.exists()
    assert set(
        Message.objects.filter(recipient=operator_medan, kind="reminder")
        .exclude(channel="portal")
        .values_list("status", flat=True)
    ) == {Message.Status.MUTED}
    assert Reminder.objects.get(recipient=operator_medan).muted_at is not None


def test_returned_report_not_sent_again_reminds_its_operators_after_five_days(
    operator_medan, reviewer_sumut, operator_binjai, django_capture_on_commit_callbacks
):
    november = ReportingPeriod.objects.create(
        year=2026, month=11, deadline=datetime.date(2026, 12, 10)
    )
    with time_machine.travel(morning(2), tick=False):
        send_report(operator_medan, november, django_capture_on_commit_callbacks)
        report = operator_medan.membership.satker.reports.get()
        services.return_report(report_id=report.pk, user=reviewer_sumut, note="Perbaiki tautan.")
    assert run_sweep(4, django_capture_on_commit_callbacks) == []
    returned = run_sweep(7, django_capture_on_commit_callbacks)
    assert (
        "operator.medan",
        "Pengingat: Laporan November 2026: dikembalikan untuk diperbaiki dan belum dikirim ulang.",
    ) in returned
    assert run_sweep(8, django_capture_on_commit_callbacks) == []


def test_the_sweep_twice_the_same_morning_sends_once(
    november, operator_medan, django_capture_on_commit_callbacks
):
    assert len(run_sweep(14, django_capture_on_commit_callbacks)) == 1
    assert run_sweep(14, django_capture_on_commit_callbacks) == []
    assert Reminder.objects.count() == 1


def test_send_reminders_command_prints_each_reminder_and_dry_run_writes_nothing(
    november, operator_medan, capsys
):
    call_command("send_reminders", "--date=2026-12-14", "--dry-run")
    dry = capsys.readouterr().out
    assert "operator.medan" in dry
    assert "12.71" in dry
    assert "terlambat" in dry
    assert "email, portal" in dry
    assert "1 pengingat akan dikirim untuk 14-12-2026." in dry
    assert not Reminder.objects.exists()
    assert not Message.objects.exists()

    call_command("send_reminders", "--date=2026-12-14")
    assert "1 pengingat dikirim" in capsys.readouterr().out
    assert Reminder.objects.count() == 1

    call_command("send_reminders", "--date=2026-12-12")
    assert "bukan hari kerja" in capsys.readouterr().out
