"""When a reminder is due: pure date arithmetic, no database.

Each rule gives the *latest occurrence reached* by `today`, not "is today exactly the day".
A sweep that did not run for a day or two (server down, a holiday) then sends what is due
once, on the next working day, instead of losing it or replaying every missed day; the
claim's unique key (with the occurrence as due date) stops a second send.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .models import Kind

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Rules:
    before_days: tuple[int, ...] = (3, 1)
    on_deadline: bool = True
    overdue_every_days: int = 3
    escalate_after_days: int = 7
    returned_after_days: int = 5
    digest_weekday: int = 0
    stop_after_days: int = 365
    use_whatsapp: bool = True

    @classmethod
    def from_settings(cls, rules) -> Rules:
        return cls(
            before_days=tuple(rules.before_days),
            on_deadline=rules.on_deadline,
            overdue_every_days=rules.overdue_every_days,
            escalate_after_days=rules.escalate_after_days,
            returned_after_days=rules.returned_after_days,
            digest_weekday=rules.digest_weekday,
            stop_after_days=rules.stop_after_days,
            use_whatsapp=rules.use_whatsapp,
        )


def unsent_reminders(
    deadline: datetime.date, today: datetime.date, rules: Rules
) -> list[tuple[Kind, datetime.date]]:
    """(kind, occurrence) due by `today` for a report not sent yet, deadline day inclusive."""
    if today < deadline:
        reached = [deadline - k * DAY for k in rules.before_days if deadline - k * DAY <= today]
        return [(Kind.BEFORE_DEADLINE, max(reached))] if reached else []
    late_days = (today - deadline).days
    if late_days > rules.stop_after_days:
        return []
    due = []
    rounds = late_days // rules.overdue_every_days
    if rounds >= 1:
        due.append((Kind.OVERDUE, deadline + rounds * rules.overdue_every_days * DAY))
    elif rules.on_deadline:
        due.append((Kind.DEADLINE, deadline))
    if late_days >= rules.escalate_after_days:
        due.append((Kind.ESCALATION, deadline + rules.escalate_after_days * DAY))
    return due


def returned_reminder(
    returned_on: datetime.date, today: datetime.date, rules: Rules
) -> tuple[Kind, datetime.date] | None:
    """Once per return, when it has waited `returned_after_days` without being sent again."""
    due = returned_on + rules.returned_after_days * DAY
    return (Kind.RETURNED, due) if due <= today else None


def digest_day(today: datetime.date, rules: Rules) -> datetime.date | None:
    """This week's digest day, once it has been reached (a holiday moves it, not skips it)."""
    day = today - (today.weekday() - rules.digest_weekday) * DAY
    return day if day <= today else None
