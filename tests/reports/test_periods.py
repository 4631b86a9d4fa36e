import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from reports.deadlines import default_deadline, month_before
from reports.models import ReportingPeriod
from reports.services import open_due_periods, open_period, periods
from reports.tasks import open_reporting_periods
from workdays.calendar import days_off
from workdays.models import DayOff

from ..conftest import require_service

date = datetime.date


@pytest.mark.django_db
def test_deadline_on_a_saturday_moves_to_monday():
    assert date(2027, 4, 10).weekday() == 5  # Saturday
    assert default_deadline(2027, 3) == date(2027, 4, 12)


@pytest.mark.django_db
def test_deadline_on_a_working_day_stays_on_the_tenth():
    assert default_deadline(2026, 11) == date(2026, 12, 10)  # a Thursday


@pytest.mark.django_db
def test_deadline_on_idul_fitri_moves_past_both_holidays():
    # 10 and 11 March 2027: Idul Fitri and its second day (estimated dates).
    off = days_off([2027])
    assert {date(2027, 3, 10), date(2027, 3, 11)} <= off
    assert default_deadline(2027, 2) == date(2027, 3, 12)  # Friday


@pytest.mark.django_db
def test_cuti_bersama_day_off_also_moves_the_deadline():
    DayOff.objects.create(date=date(2027, 3, 12), name="Cuti bersama Idul Fitri")
    assert default_deadline(2027, 2) == date(2027, 3, 15)  # the Monday after


@pytest.mark.django_db
def test_december_deadline_is_in_january_of_the_next_year():
    # 10 January 2027 is a Sunday.
    assert default_deadline(2026, 12) == date(2027, 1, 11)


@pytest.mark.django_db
def test_deadline_refuses_a_month_outside_1_to_12():
    with pytest.raises(ValueError, match="month"):
        default_deadline(2026, 13)


def test_month_before_is_the_month_just_ended():
    assert month_before(date(2026, 12, 1)) == (2026, 11)
    assert month_before(date(2026, 11, 29)) == (2026, 10)
    assert month_before(date(2027, 1, 1)) == (2026, 12)


@pytest.mark.django_db
def test_open_due_periods_on_first_of_december_opens_november():
    period = open_due_periods(today=date(2026, 12, 1))
    assert (period.year, period.month, period.deadline) == (2026, 11, date(2026, 12, 10))
    assert ReportingPeriod.objects.get() == period


@pytest.mark.django_db
def test_open_due_periods_twice_creates_one_period():
    first = open_due_periods(today=date(2026, 12, 1))
    second = open_due_periods(today=date(2026, 12, 2))
    assert first == second
    assert ReportingPeriod.objects.count() == 1


@pytest.mark.django_db
def test_open_period_keeps_an_edited_deadline():
    ReportingPeriod.objects.create(year=2026, month=11, deadline=date(2026, 12, 15))
    period = open_period(year=2026, month=11)
    assert period.deadline == date(2026, 12, 15)
    assert ReportingPeriod.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_openings_create_one_period(monkeypatch):
    require_service(
        connection.vendor == "postgresql",
        "SQLite runs one writer at a time, so the race needs PostgreSQL",
    )
    both_looked = threading.Barrier(2, timeout=10)
    real_default_deadline = periods.default_deadline

    def default_deadline_once_both_looked(year, month):
        # Called only after get() found nothing: both runs now insert at the same time.
        both_looked.wait()
        return real_default_deadline(year, month)

    monkeypatch.setattr(periods, "default_deadline", default_deadline_once_both_looked)
    opened, errors = [], []

    def run():
        try:
            opened.append(open_period(year=2026, month=11))
        except Exception as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert [period.pk for period in opened] == [ReportingPeriod.objects.get().pk] * 2


@pytest.mark.django_db
def test_opening_task_opens_the_month_just_ended(monkeypatch):
    monkeypatch.setattr("reports.tasks.timezone.localdate", lambda: date(2027, 1, 1))
    open_reporting_periods()
    open_reporting_periods()
    period = ReportingPeriod.objects.get()
    assert (period.year, period.month, period.deadline) == (2026, 12, date(2027, 1, 11))


@pytest.mark.django_db
def test_open_periods_command_opens_the_last_months_once(monkeypatch):
    from django.core.management import call_command

    monkeypatch.setattr(timezone, "localdate", lambda: datetime.date(2027, 1, 15))
    call_command("open_periods", months=3)
    call_command("open_periods", months=3)
    assert list(ReportingPeriod.objects.values_list("year", "month")) == [
        (2026, 12),
        (2026, 11),
        (2026, 10),
    ]
