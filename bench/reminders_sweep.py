"""How long the reminder sweep takes at national scale: 514 kabupaten/kota, 2 operators and a
pimpinan each, 38 provinces with a reviewer each, 12 open periods with a quarter of the
reports still missing or in draft.

Run by hand (never in the suite), against a throw-away database:
    createdb -h 127.0.0.1 -U postgres bakohumas_bench
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakohumas_bench \\
        .venv/bin/python bench/reminders_sweep.py
It fills the database once, then times, for several mornings: the plan alone (read + rules),
a dry run, and the real sweep (claims + outbox rows, in one transaction), rolled back after
each timing so every run does the same work.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402

from reminders.models import ReminderSettings  # noqa: E402
from reminders.services import current_rules, plan, sweep  # noqa: E402
from reports.models import Report, ReportingPeriod, Status  # noqa: E402
from satker.models import Level, Membership, Role, Satker, User  # noqa: E402

assert "bench" in settings.DATABASES["default"]["NAME"], "use a throw-away *_bench database"
call_command("migrate", verbosity=0)

PROVINCES = 38
REGENCIES = 514
MORNINGS = [datetime.date(2026, 12, d) for d in (7, 9, 10, 14, 17)]


def populate():
    if Satker.objects.filter(code="99").exists():
        return
    ri = Satker.objects.create(code="00", name="KPU RI", level=Level.RI)
    Satker.objects.filter(code="12").update(parent=ri)
    provinces = [Satker.objects.get(code="12")] + [
        Satker.objects.create(
            code=str(62 + n), name=f"KPU Provinsi Uji {n}", level=Level.PROVINSI, parent=ri
        )
        for n in range(PROVINCES - 2)
    ]
    provinces.append(
        Satker.objects.create(code="99", name="KPU Provinsi Akhir", level=Level.PROVINSI, parent=ri)
    )
    extra = REGENCIES - Satker.objects.regencies().count()
    Satker.objects.bulk_create(
        Satker(
            code=f"{provinces[1 + n // 14].code}.{n % 14 + 1:02d}",
            name=f"KPU Kabupaten Uji {n}",
            level=Level.KABUPATEN,
            parent=provinces[1 + n // 14],
        )
        for n in range(extra)
    )
    regencies = list(Satker.objects.regencies())
    people = []
    for satker in regencies:
        for suffix, role in (
            ("op1", Role.OPERATOR),
            ("op2", Role.OPERATOR),
            ("pim", Role.PIMPINAN),
        ):
            people.append(
                (
                    User(
                        username=f"{suffix}.{satker.code}",
                        email=f"{suffix}.{satker.code}@example.org",
                    ),
                    satker,
                    role,
                )
            )
    for satker in provinces:
        people.append(
            (
                User(username=f"rev.{satker.code}", email=f"rev.{satker.code}@example.org"),
                satker,
                Role.REVIEWER,
            )
        )
    users = User.objects.bulk_create([user for user, _s, _r in people])
    Membership.objects.bulk_create(
        Membership(user=user, satker=satker, role=role)
        for user, (_u, satker, role) in zip(users, people, strict=True)
    )
    ReminderSettings.objects.get_or_create(pk=1)
    periods = []
    for month in range(12):
        year, m = 2025 + (month + 11) // 12, (month + 11) % 12 + 1
        deadline = datetime.date(year + m // 12, m % 12 + 1, 10)
        periods.append(ReportingPeriod.objects.create(year=year, month=m, deadline=deadline))
    reports = []
    for index, satker in enumerate(regencies):
        for number, period in enumerate(periods):
            kind = (index + number) % 8
            if kind in (0, 1):
                continue  # missing: a quarter of the satker have not started
            status = [
                None,
                None,
                Status.DRAFT,
                Status.SUBMITTED,
                Status.RETURNED,
                Status.APPROVED,
                Status.APPROVED,
                Status.APPROVED,
            ][kind]
            sent = status != Status.DRAFT
            moment = datetime.datetime.combine(
                period.deadline, datetime.time(9), tzinfo=datetime.UTC
            )
            reports.append(
                Report(
                    satker=satker, period=period, status=status,
                    first_submitted_at=moment if sent else None,
                    submitted_at=moment if sent else None,
                    late=False if sent else None,
                )
            )  # fmt: skip
    Report.objects.bulk_create(reports, batch_size=2000)


def timed(function, repeat=5):
    times, queries = [], []
    for _ in range(repeat):
        reset_queries()
        start = time.perf_counter()
        with transaction.atomic():
            result = function()
            transaction.set_rollback(True)  # the same work on every run
        times.append(time.perf_counter() - start)
        queries.append(len(connection.queries))
    return statistics.median(times), max(queries), result


populate()
settings.DEBUG = True  # count queries
rules = current_rules()
print(
    f"{Satker.objects.regencies().count()} kabupaten/kota, {User.objects.count()} accounts, "
    f"{ReportingPeriod.objects.count()} open periods, {Report.objects.count()} reports"
)
header = ["morning", "planned", "plan ms", "dry-run ms", "sweep ms", "queries"]
print(f"{header[0]:<12} " + " ".join(f"{title:>10}" for title in header[1:]))
for day in MORNINGS:
    plan_s, _q, planned = timed(lambda day=day: plan(day, rules))
    dry_s, _q, _r = timed(lambda day=day: sweep(day=day, dry_run=True))
    sweep_s, sweep_q, sent = timed(lambda day=day: sweep(day=day))
    # connection.queries also lists this script's BEGIN and ROLLBACK: not the sweep's.
    print(
        f"{day:%a %d %b}   {len(planned):>10} {plan_s * 1000:>10.0f} {dry_s * 1000:>10.0f} "
        f"{sweep_s * 1000:>10.0f} {sweep_q - 2:>10}"
    )
