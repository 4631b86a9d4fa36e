"""What a reminder says, line by line: one line per report, as plain data."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.urls import reverse

from .models import Kind

# What a line says first; escalation alone is the pimpinan's line.
LINE_KINDS = [Kind.RETURNED, Kind.OVERDUE, Kind.DEADLINE, Kind.BEFORE_DEADLINE]


def lines_of(items, day: datetime.date) -> list[dict]:
    """The message's lines, one per report, oldest period first (the most urgent), as plain
    data (messages store no objects). An escalated report says so on its own line."""
    by_period = defaultdict(list)
    for item in items:
        by_period[item.period].append(item)
    lines = []
    for period in sorted(by_period, key=lambda p: (p.year, p.month)):
        kinds = {str(item.kind) for item in by_period[period]}
        main = next((k for k in LINE_KINDS if k in kinds), Kind.ESCALATION)
        report_id = getattr(by_period[period][0], "report_id", None)
        lines.append(
            {
                "kind": str(main),
                "escalated": Kind.ESCALATION in kinds,
                "year": period.year,
                "month": period.month,
                "deadline": period.deadline.isoformat(),
                "days_late": (day - period.deadline).days,
                "days_left": (period.deadline - day).days,
                "path": reverse("reports:detail", args=[report_id])
                if report_id
                else reverse("reports:mine"),
            }
        )
    return lines
