"""The Indonesian working-day calendar: weekends, national holidays and DayOff rows.

National holidays come from the `holidays` package (public category only); cuti bersama and
local days off are entered by admins as `DayOff` rows, because they are decreed each year and
do not always apply to KPU offices. Report deadlines, reminders and (later) the legal clocks
of UU 14/2008 all count days on this one calendar.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import holidays

from .models import DayOff

SATURDAY = 5


def national_holidays(years: Iterable[int]) -> dict[datetime.date, str]:
    """Public holidays in Indonesia, with their Indonesian names."""
    return dict(holidays.country_holidays("ID", years=sorted(set(years)), language="id"))


def days_off(years: Iterable[int]) -> set[datetime.date]:
    """National holidays and DayOff dates in `years` (one query for DayOff)."""
    years = set(years)
    if not years:
        return set()
    extra = DayOff.objects.filter(
        date__gte=datetime.date(min(years), 1, 1), date__lte=datetime.date(max(years), 12, 31)
    ).values_list("date", flat=True)
    return set(national_holidays(years)) | {day for day in extra if day.year in years}


def is_working_day(day: datetime.date, off: set[datetime.date] | None = None) -> bool:
    """Monday to Friday and not a day off; pass `off` to check many days with one query."""
    if day.weekday() >= SATURDAY:
        return False
    if off is None:
        off = days_off([day.year])
    return day not in off


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself if it is a working day, else the first working day after it."""
    # Late December can roll into January, so next year's days off are loaded too.
    off = days_off([day.year, day.year + 1])
    while not is_working_day(day, off):
        day += datetime.timedelta(days=1)
    return day
