"""The sweep reads and writes in a fixed number of queries, for 33 satker or 500."""

import datetime

import pytest
from django.db import connection

from reminders.models import Reminder, ReminderSettings
from reminders.services import sweep
from reports.models import ReportingPeriod
from satker.models import Level, Membership, Role, Satker, User

from ..conftest import require_service

pytestmark = pytest.mark.django_db


def more_regencies(count: int) -> None:
    """`count` more kabupaten, in made-up provinces 91, 92, … of up to 99 each."""
    provinces = [
        Satker.objects.create(code=str(91 + n), name=f"KPU Provinsi Uji {n}", level=Level.PROVINSI)
        for n in range((count + 98) // 99)
    ]
    Satker.objects.bulk_create(
        Satker(
            code=f"{provinces[n // 99].code}.{n % 99 + 1:02d}",
            name=f"KPU Kabupaten Uji {n}",
            level=Level.KABUPATEN,
            parent=provinces[n // 99],
        )
        for n in range(count)
    )


def an_operator_each() -> int:
    satkers = list(Satker.objects.regencies())
    users = User.objects.bulk_create(
        User(username=f"op.{satker.code}", email=f"op.{satker.code}@example.org")
        for satker in satkers
    )
    Membership.objects.bulk_create(
        Membership(user=user, satker=satker, role=Role.OPERATOR)
        for user, satker in zip(users, satkers, strict=True)
    )
    return len(satkers)


@pytest.mark.parametrize("extra", [0, 467])
def test_sweep_query_count_does_not_grow_with_satker(
    django_assert_num_queries, reviewer_sumut, extra
):
    require_service(
        connection.vendor == "postgresql",
        "SQLite splits bulk inserts into batches of 999 parameters; PostgreSQL inserts at once",
    )
    more_regencies(extra)
    satker_count = an_operator_each()
    ReportingPeriod.objects.create(year=2026, month=11, deadline=datetime.date(2026, 12, 10))
    ReminderSettings.objects.create(pk=1)
    # 1 days off (is it a working day?), 2 the rules, 3 open periods, 4 regencies, 5 their
    # reports with the time of the last return, 6 operators and pimpinan, 7 reviewers,
    # 8 savepoint, 9 insert the claims, 10 read back this sweep's claims, 11 insert the
    # messages, 12 release savepoint
    with django_assert_num_queries(12):
        sent = sweep(day=datetime.date(2026, 12, 14))
    assert satker_count == 33 + extra
    assert len(sent) == satker_count + 1  # an overdue reminder each, and the weekly digest
    assert Reminder.objects.count() == satker_count + 1
