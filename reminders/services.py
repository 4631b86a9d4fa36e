"""The reminder sweep: find what is due, claim it, and put one message per person in the
outbox, all in one transaction.

* `plan` reads the state of every open period in a fixed number of queries (however many
  satker there are) and applies the rules (`rules.py`) in Python.
* `sweep` claims the planned reminders by inserting their unique rows (a conflict means
  another sweep, a retry or a second beat already has it), then writes, for each person, one
  message listing all of their newly claimed reminders. A sweep that fails writes nothing.
* A reminder whose reason is gone when the worker delivers it (the report was sent in the
  meantime) is not sent: `messages.py` re-checks each item at delivery.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.models import Channel
from notifications.services import Outgoing, notify_each
from reports.messages import MY_REPORTS, REVIEW_QUEUE
from reports.models import ReportingPeriod, Status
from satker import access as satker_access
from satker.models import Satker, User
from workdays.calendar import is_working_day

from .lines import lines_of
from .messages import REMINDER, REVIEWER_DIGEST
from .models import Kind, Reminder, ReminderSettings
from .rules import Rules, digest_day, returned_reminder, unsent_reminders
from .state import report_states


@dataclass(frozen=True)
class Planned:
    recipient: User
    satker: Satker
    period: ReportingPeriod | None
    kind: Kind
    due_date: datetime.date
    report_id: int | None = None

    @property
    def key(self) -> tuple:
        return (
            self.recipient.pk,
            self.satker.pk,
            self.period.pk if self.period else None,
            str(self.kind),
            self.due_date,
        )


def current_rules() -> Rules:
    return Rules.from_settings(ReminderSettings.current())


def plan(day: datetime.date, rules: Rules) -> list[Planned]:
    """Every reminder due on `day`, claimed before or not (the claims decide what is new)."""
    periods = list(
        ReportingPeriod.objects.open_on(day).filter(
            deadline__gte=day - datetime.timedelta(days=rules.stop_after_days)
        )
    )
    satkers = {satker.pk: satker for satker in Satker.objects.regencies()}
    states = report_states(periods)
    staff = satker_access.staff_by_satker(satkers)
    planned = []
    for period in periods:
        for satker_id, satker in satkers.items():
            state = states.get((satker_id, period.pk))
            report_id = state.report_id if state else None
            people = staff[satker_id]
            if state is None or state.status == Status.DRAFT:
                for kind, due in unsent_reminders(period.deadline, day, rules):
                    recipients = people.operators
                    if kind == Kind.ESCALATION:  # the leaders, with the operators in copy
                        recipients = people.leaders + people.operators
                    planned += [
                        Planned(user, satker, period, kind, due, report_id) for user in recipients
                    ]
            elif state.status == Status.RETURNED and state.returned_on:
                due = returned_reminder(state.returned_on, day, rules)
                if due:
                    planned += [
                        Planned(user, satker, period, *due, report_id) for user in people.operators
                    ]
    week_day = digest_day(day, rules)
    if week_day is not None:
        planned += [
            Planned(reviewer, reviewer.membership.satker, None, Kind.DIGEST, week_day)
            for reviewer in satker_access.all_reviewers()
        ]
    return planned


def sweep(*, day: datetime.date, dry_run: bool = False) -> list[Planned]:
    """Claim and send what is due on `day`; returns the reminders this run sent (or, with
    `dry_run`, would send, writing nothing). Nothing on a weekend or a day off."""
    if not is_working_day(day):
        return []
    rules = current_rules()
    planned = plan(day, rules)
    if not planned:
        return []
    if dry_run:
        claimed = set(
            Reminder.objects.filter(due_date__gte=min(p.due_date for p in planned)).values_list(
                "recipient_id", "satker_id", "period_id", "kind", "due_date"
            )
        )
        return [p for p in planned if p.key not in claimed]
    with transaction.atomic():
        mine = _claim(planned)
        new = [p for p in planned if p.key in mine]
        _write_messages(new, mine, rules, day)
    return new


def _claim(planned: list[Planned]) -> dict[tuple, int]:
    """Insert the claims; those that conflict belong to someone else. Returns ours by key."""
    token = uuid.uuid4()
    now = timezone.now()
    Reminder.objects.bulk_create(
        [
            Reminder(
                recipient=p.recipient,
                satker=p.satker,
                period=p.period,
                kind=p.kind,
                due_date=p.due_date,
                sweep=token,
                claimed_at=now,
            )
            for p in planned
        ],
        ignore_conflicts=True,
    )
    rows = Reminder.objects.filter(sweep=token).values_list(
        "pk", "recipient_id", "satker_id", "period_id", "kind", "due_date"
    )
    return {tuple(row[1:]): row[0] for row in rows}


def reminder_channels(rules: Rules) -> set[str]:
    """Where reminders go: the portal and e-mail, and WhatsApp unless the rules turn it off."""
    channels = {Channel.PORTAL, Channel.EMAIL}
    if rules.use_whatsapp:
        channels.add(Channel.WHATSAPP)
    return channels


def _write_messages(
    new: list[Planned], ids: dict[tuple, int], rules: Rules, day: datetime.date
) -> None:
    """One message per person (per channel) listing everything newly due for them."""
    by_recipient = defaultdict(list)
    for planned in new:
        by_recipient[planned.recipient].append(planned)
    channels = reminder_channels(rules)
    outgoing = []
    for recipient, items in by_recipient.items():
        reminder_ids = [ids[item.key] for item in items]
        if items[0].kind == Kind.DIGEST:
            outgoing.append(
                Outgoing(
                    recipient=recipient,
                    kind=REVIEWER_DIGEST,
                    context={"reminder_ids": reminder_ids, "path": reverse("reports:queue")},
                    target=(REVIEW_QUEUE, recipient.membership.satker_id),
                    channels=channels,
                )
            )
            continue
        outgoing.append(
            Outgoing(
                recipient=recipient,
                kind=REMINDER,
                context={
                    "reminder_ids": reminder_ids,
                    "satker_name": items[0].satker.name,
                    "items": lines_of(items, day),
                    "path": reverse("reports:mine"),
                },
                target=(MY_REPORTS, items[0].satker.pk),
                channels=channels,
            )
        )
    notify_each(outgoing)
