"""What the province still waits for, read in a fixed number of queries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q
from django.utils import timezone

from reports.models import SENDS_BACK, Report, ReportingPeriod, Status
from satker.models import Satker


@dataclass(frozen=True)
class ReportState:
    report_id: int
    status: str
    returned_on: datetime.date | None


def report_states(periods) -> dict[tuple[int, int], ReportState]:
    """The status of every report of `periods`, by (satker, period), in one query."""
    rows = (
        Report.objects.filter(period__in=periods)
        .annotate(
            # A returned report's clock starts at its latest return (or an admin's reopening).
            returned_at=Max(
                "events__created_at",
                filter=Q(events__action__in=SENDS_BACK),
            )
        )
        .values_list("pk", "satker_id", "period_id", "status", "returned_at")
    )
    return {
        (satker_id, period_id): ReportState(
            pk, status, timezone.localdate(returned_at) if returned_at else None
        )
        for pk, satker_id, period_id, status, returned_at in rows
    }


@dataclass
class Outstanding:
    """For one period, in a reviewer's scope: who has not sent, and who has not sent again."""

    period: ReportingPeriod
    unsent: list[Satker]
    returned: list[tuple[Satker, datetime.date | None]]


def outstanding(user, periods) -> list[Outstanding]:
    """Per period (newest first): the satker in `user`'s scope that have not sent (no report
    or a draft) and those whose returned report waits to be sent again. Three queries."""
    periods = list(periods)
    satkers = list(Satker.objects.visible_to(user).regencies().order_by("code"))
    states = report_states(periods)
    result = []
    for period in periods:
        unsent, returned = [], []
        for satker in satkers:
            state = states.get((satker.pk, period.pk))
            if state is None or state.status == Status.DRAFT:
                unsent.append(satker)
            elif state.status == Status.RETURNED:
                returned.append((satker, state.returned_on))
        result.append(Outstanding(period, unsent, returned))
    return result
