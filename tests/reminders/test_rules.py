"""The reminder rules as dates: the latest occurrence reached, never an exact-date match."""

import datetime

import pytest

from reminders.models import Kind
from reminders.rules import Rules, digest_day, returned_reminder, unsent_reminders

date = datetime.date
DEADLINE = date(2026, 12, 10)  # Thursday
RULES = Rules()


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 12, 6), []),
        (date(2026, 12, 7), [(Kind.BEFORE_DEADLINE, date(2026, 12, 7))]),  # H-3
        (date(2026, 12, 8), [(Kind.BEFORE_DEADLINE, date(2026, 12, 7))]),  # still H-3: claimed
        (date(2026, 12, 9), [(Kind.BEFORE_DEADLINE, date(2026, 12, 9))]),  # H-1
        (date(2026, 12, 10), [(Kind.DEADLINE, date(2026, 12, 10))]),
        (date(2026, 12, 12), [(Kind.DEADLINE, date(2026, 12, 10))]),
        (date(2026, 12, 13), [(Kind.OVERDUE, date(2026, 12, 13))]),  # +3
        (date(2026, 12, 14), [(Kind.OVERDUE, date(2026, 12, 13))]),  # +3 caught up on Monday
        (date(2026, 12, 16), [(Kind.OVERDUE, date(2026, 12, 16))]),  # +6
        (
            date(2026, 12, 17),  # +7: escalated, while +6 is still the latest overdue round
            [(Kind.OVERDUE, date(2026, 12, 16)), (Kind.ESCALATION, date(2026, 12, 17))],
        ),
        (
            date(2026, 12, 21),  # +11: round +9 (a Saturday), escalation stays the one of +7
            [(Kind.OVERDUE, date(2026, 12, 19)), (Kind.ESCALATION, date(2026, 12, 17))],
        ),
    ],
)
def test_unsent_report_reminders_by_day(today, expected):
    assert unsent_reminders(DEADLINE, today, RULES) == expected


def test_a_missed_h_minus_3_is_not_replayed_after_h_minus_1():
    # H-3 fell on a weekend and the sweep first ran on H-1: only H-1 goes out.
    assert unsent_reminders(DEADLINE, date(2026, 12, 9), Rules(before_days=(3, 1))) == [
        (Kind.BEFORE_DEADLINE, date(2026, 12, 9))
    ]


def test_rules_are_configuration():
    rules = Rules(before_days=(5,), on_deadline=False, overdue_every_days=2, stop_after_days=30)
    assert unsent_reminders(DEADLINE, date(2026, 12, 5), rules) == [
        (Kind.BEFORE_DEADLINE, date(2026, 12, 5))
    ]
    assert unsent_reminders(DEADLINE, date(2026, 12, 11), rules) == []  # no deadline reminder
    assert unsent_reminders(DEADLINE, date(2026, 12, 12), rules)[0] == (
        Kind.OVERDUE,
        date(2026, 12, 12),
    )
    assert unsent_reminders(DEADLINE, date(2027, 1, 10), rules) == []  # stopped after 30 days


def test_returned_report_reminder_once_it_has_waited_five_days():
    returned_on = date(2026, 12, 1)
    assert returned_reminder(returned_on, date(2026, 12, 5), RULES) is None
    assert returned_reminder(returned_on, date(2026, 12, 7), RULES) == (
        Kind.RETURNED,
        date(2026, 12, 6),
    )


def test_weekly_digest_day_moves_past_a_holiday_instead_of_being_skipped():
    assert digest_day(date(2026, 12, 7), RULES) == date(2026, 12, 7)  # Monday
    assert digest_day(date(2026, 12, 8), RULES) == date(2026, 12, 7)  # Tuesday: same week's
    assert digest_day(date(2026, 12, 9), Rules(digest_weekday=4)) is None  # Friday not yet
