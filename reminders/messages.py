"""Reminder messages, registered with the outbox. Each is checked again when it is delivered:
an item whose reason is gone (the report was sent) is dropped, and a message with nothing
left is not sent at all."""

from __future__ import annotations

import datetime

from django.utils import timezone

from notifications.kinds import Kind, register
from notifications.models import Channel
from reports.models import Report, ReportingPeriod, Status

from .lines import lines_of
from .models import UNSENT_KINDS, Reminder, ReminderSettings
from .state import outstanding

# To operators (and, escalated, pimpinan): their satker's reports that need them.
REMINDER = "reminder"
# To reviewers, weekly: overdue satker and reports waiting for review.
REVIEWER_DIGEST = "reviewer_digest"

DIGEST_NAMES_PER_PERIOD = 8  # then "and N more": the digest is read on a phone


def register_kinds() -> None:
    channels = frozenset({Channel.PORTAL, Channel.EMAIL, Channel.WHATSAPP})
    register(Kind(REMINDER, channels=channels, load_context=reminder_context))
    register(Kind(REVIEWER_DIGEST, channels=channels, load_context=digest_context))


def reminder_context(message) -> dict | None:
    reminders = list(
        Reminder.objects.filter(pk__in=message.context.get("reminder_ids", [])).select_related(
            "period"
        )
    )
    statuses = {
        (satker_id, period_id): status
        for satker_id, period_id, status in Report.objects.filter(
            satker_id__in={r.satker_id for r in reminders},
            period_id__in={r.period_id for r in reminders},
        ).values_list("satker_id", "period_id", "status")
    }
    live, gone = [], []
    for reminder in reminders:
        status = statuses.get((reminder.satker_id, reminder.period_id))
        if reminder.kind in UNSENT_KINDS:
            still_due = status in (None, Status.DRAFT)
        else:
            still_due = status == Status.RETURNED
        (live if still_due else gone).append(reminder)
    if gone:
        Reminder.objects.filter(pk__in=[r.pk for r in gone], muted_at__isnull=True).update(
            muted_at=timezone.now()
        )
    if not live:
        return None
    # Lines as of today (the days late grow while the message waits), links as stored.
    paths = {(i["year"], i["month"]): i["path"] for i in message.context.get("items", [])}
    lines = lines_of(live, timezone.localdate())
    for line in lines:
        line["path"] = paths.get((line["year"], line["month"]), line["path"])
    return {**message.context, "items": lines}


def digest_context(message) -> dict | None:
    reviewer = message.recipient
    today = timezone.localdate()
    rules = ReminderSettings.current()
    overdue_periods = ReportingPeriod.objects.filter(
        deadline__lt=today, deadline__gte=today - datetime.timedelta(days=rules.stop_after_days)
    ).order_by("-year", "-month")
    overdue = [
        {
            "year": row.period.year,
            "month": row.period.month,
            "count": len(row.unsent),
            "names": [s.brief_name for s in row.unsent[:DIGEST_NAMES_PER_PERIOD]],
            "more": max(len(row.unsent) - DIGEST_NAMES_PER_PERIOD, 0),
        }
        for row in outstanding(reviewer, overdue_periods)
        if row.unsent
    ]
    waiting = list(
        Report.objects.visible_to(reviewer)
        .awaiting_review()
        .values_list("satker__name", "period__year", "period__month", "submitted_at")
    )
    if not overdue and not waiting:
        return None
    oldest = waiting[0][3] if waiting else None
    return {
        **message.context,
        "overdue": overdue,
        "waiting_count": len(waiting),
        "oldest_wait_days": (today - timezone.localdate(oldest)).days if oldest else None,
        "waiting": [
            {"satker": name, "year": year, "month": month} for name, year, month, _at in waiting
        ][:DIGEST_NAMES_PER_PERIOD],
        "waiting_more": max(len(waiting) - DIGEST_NAMES_PER_PERIOD, 0),
    }
