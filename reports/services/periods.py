"""Opening reporting periods: one per month, with the default deadline."""

import datetime

from django.db import transaction

from ..deadlines import default_deadline, month_before
from ..models import ReportingPeriod


@transaction.atomic
def open_period(*, year: int, month: int) -> ReportingPeriod:
    """The period of `year`/`month`, created with the default deadline if it does not exist.

    An existing period keeps its deadline: an admin may have moved it.
    """
    # get_or_create inserts inside a savepoint and, on the IntegrityError of
    # period_unique_month (a parallel run inserted first), fetches that row instead.
    # The deadline is a callable so the calendar is read only when the period is new.
    period, _created = ReportingPeriod.objects.get_or_create(
        year=year, month=month, defaults={"deadline": lambda: default_deadline(year, month)}
    )
    return period


@transaction.atomic
def open_due_periods(*, today: datetime.date) -> ReportingPeriod:
    """Open the period of the month that ended before `today` (on 1 December: November)."""
    year, month = month_before(today)
    return open_period(year=year, month=month)
