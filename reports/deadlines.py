"""When a month's report is due: the 10th of the next month, or the next working day."""

import datetime

from workdays.calendar import next_working_day

# Reports on a month are due on the 10th of the following month.
DEADLINE_DAY = 10


def month_before(day: datetime.date) -> tuple[int, int]:
    """(year, month) of the last month that ended before `day`."""
    last_day = day.replace(day=1) - datetime.timedelta(days=1)
    return last_day.year, last_day.month


def default_deadline(year: int, month: int) -> datetime.date:
    """The 10th of the month after (`year`, `month`), or the next working day after it."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    tenth = datetime.date(year + month // 12, month % 12 + 1, DEADLINE_DAY)
    return next_working_day(tenth)
