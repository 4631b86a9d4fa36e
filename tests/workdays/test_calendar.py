"""The working-day calendar: weekends, national holidays and the days off admins enter."""

import datetime

import pytest

from workdays.calendar import days_off, is_working_day, next_working_day
from workdays.models import DayOff

date = datetime.date


@pytest.mark.django_db
def test_days_off_reads_day_off_table_in_one_query(django_assert_num_queries):
    DayOff.objects.create(date=date(2026, 12, 24), name="Cuti bersama Natal")
    DayOff.objects.create(date=date(2028, 1, 3), name="Di luar tahun yang diminta")
    with django_assert_num_queries(1):
        off = days_off([2026, 2027])
    assert date(2026, 12, 24) in off
    assert date(2026, 12, 25) in off  # Natal, from the national calendar
    assert date(2028, 1, 3) not in off


@pytest.mark.django_db
def test_weekend_and_holiday_are_not_working_days():
    assert is_working_day(date(2026, 12, 10))
    assert not is_working_day(date(2026, 12, 12))  # Saturday
    assert not is_working_day(date(2026, 8, 17))  # Hari Kemerdekaan, a Monday


@pytest.mark.django_db
def test_next_working_day_rolls_over_new_year():
    # Thursday 31 December 2026 is a day off here; 1 January 2027 is a holiday, then a weekend.
    DayOff.objects.create(date=date(2026, 12, 31), name="Cuti tambahan")
    assert next_working_day(date(2026, 12, 31)) == date(2027, 1, 4)
    assert next_working_day(date(2027, 1, 4)) == date(2027, 1, 4)
