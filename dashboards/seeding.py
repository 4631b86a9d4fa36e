"""A synthetic national data set, for benchmarks and for query-count tests at scale.

38 provinces and 514 regencies/cities under KPU RI (Sumatera Utara's 33 from the data
migration, the others named after their province and numbered), one operator each, a
reviewer per province and one for KPU RI, and `years` of monthly reports ending with the
month just ended: mostly approved, some late, returned, waiting, still a draft or missing;
a few regencies formed mid-way (`reporting_from`). Rows in every section. The same `seed`
and `today` give the same data. Everything is written with bulk_create, province by province.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from reports.deadlines import default_deadline
from reports.models import (
    Action,
    Activity,
    Channel,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Publication,
    Report,
    ReportEvent,
    ReportingPeriod,
    Segment,
    Status,
    deadline_end,
)
from satker.models import Level, Membership, Role, Satker, User

# Code, name and number of regencies/cities (kota last) of every province, 2024.
PROVINCES = [
    ("11", "Aceh", 23, 5), ("12", "Sumatera Utara", 33, 8), ("13", "Sumatera Barat", 19, 7),
    ("14", "Riau", 12, 2), ("15", "Jambi", 11, 2), ("16", "Sumatera Selatan", 17, 4),
    ("17", "Bengkulu", 10, 1), ("18", "Lampung", 15, 2), ("19", "Kepulauan Bangka Belitung", 7, 1),
    ("21", "Kepulauan Riau", 7, 2), ("31", "DKI Jakarta", 6, 5), ("32", "Jawa Barat", 27, 9),
    ("33", "Jawa Tengah", 35, 6), ("34", "DI Yogyakarta", 5, 1), ("35", "Jawa Timur", 38, 9),
    ("36", "Banten", 8, 4), ("51", "Bali", 9, 1), ("52", "Nusa Tenggara Barat", 10, 2),
    ("53", "Nusa Tenggara Timur", 22, 1), ("61", "Kalimantan Barat", 14, 2),
    ("62", "Kalimantan Tengah", 14, 1), ("63", "Kalimantan Selatan", 13, 2),
    ("64", "Kalimantan Timur", 10, 3), ("65", "Kalimantan Utara", 5, 1),
    ("71", "Sulawesi Utara", 15, 4), ("72", "Sulawesi Tengah", 13, 1),
    ("73", "Sulawesi Selatan", 24, 3), ("74", "Sulawesi Tenggara", 17, 2),
    ("75", "Gorontalo", 6, 1), ("76", "Sulawesi Barat", 6, 0), ("81", "Maluku", 11, 2),
    ("82", "Maluku Utara", 10, 2),
    ("91", "Papua", 9, 1), ("92", "Papua Barat", 7, 0), ("93", "Papua Selatan", 4, 0),
    ("94", "Papua Tengah", 8, 0), ("95", "Papua Pegunungan", 8, 0),
    ("96", "Papua Barat Daya", 6, 1),
]  # fmt: skip
VILLAGES = ["Sei Rampah", "Tanjung Morawa", "Lubuk Pakam", "Pagar Merbau", "Batang Kuis",
            "Sunggal", "Hamparan Perak", "Percut", "Namorambe", "Pancur Batu"]  # fmt: skip
PLACES = ["Aula KPU", "SMA Negeri 1", "Kantor Camat", "Balai Desa", "Gedung Serbaguna",
          "Universitas Negeri", "Pesantren", "Gereja HKBP", "Masjid Raya",
          "Lapangan Merdeka"]  # fmt: skip


@dataclass
class Seeded:
    satker: int
    periods: int
    reports: int
    rows: int


def _months_back(today: datetime.date, count: int) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    months = []
    for _ in range(count):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        months.append((year, month))
    return sorted(months)


@transaction.atomic
def seed_national(
    *,
    years: int = 5,
    today: datetime.date | None = None,
    provinces: list[str] | None = None,
    rows_per_report: int = 8,
    seed: int = 8,
) -> Seeded:
    """Build the data set; `provinces` (codes) limits it, `rows_per_report` scales it."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    nation, _ = Satker.objects.get_or_create(
        code="00", defaults={"name": "KPU RI", "level": Level.RI}
    )
    chosen = [p for p in PROVINCES if provinces is None or p[0] in provinces]
    periods = _open_periods(today, years)
    reviewer = _user("reviewer.ri", nation, Role.REVIEWER)
    counts = Seeded(0, len(periods), 0, 0)
    for code, name, regencies, cities in chosen:
        province = _province(nation, code, name)
        _user(f"reviewer.{code}", province, Role.REVIEWER)
        offices = _regencies(province, name, regencies, cities, rng, today)
        counts.satker += len(offices)
        for office in offices:
            _user(f"operator.{office.code}", office, Role.OPERATOR)
        operators = {
            m.satker_id: m.user_id
            for m in Membership.objects.filter(satker__in=offices, role=Role.OPERATOR)
        }
        reports, rows = _reports(offices, periods, operators, reviewer, today, rng, rows_per_report)
        counts.reports += reports
        counts.rows += rows
    return counts


def _open_periods(today, years) -> list[ReportingPeriod]:
    existing = {(p.year, p.month): p for p in ReportingPeriod.objects.all()}
    new = [
        ReportingPeriod(year=y, month=m, deadline=default_deadline(y, m))
        for y, m in _months_back(today, years * 12)
        if (y, m) not in existing
    ]
    ReportingPeriod.objects.bulk_create(new)
    wanted = set(_months_back(today, years * 12))
    return sorted(
        (p for p in ReportingPeriod.objects.all() if (p.year, p.month) in wanted),
        key=lambda p: (p.year, p.month),
    )


def _province(nation, code, name) -> Satker:
    province, _created = Satker.objects.get_or_create(
        code=code,
        defaults={"name": f"KPU Provinsi {name}", "level": Level.PROVINSI, "parent": nation},
    )
    if province.parent_id != nation.pk:
        province.parent = nation
        province.save(update_fields=["parent"])
    return province


def _regencies(province, name, regencies, cities, rng, today) -> list[Satker]:
    existing = list(province.children.order_by("code"))
    if not existing:
        new = []
        for n in range(1, regencies + 1):
            city = n > regencies - cities
            number = 70 + n - (regencies - cities) if city else n
            level = Level.KOTA if city else Level.KABUPATEN
            label = "Kota" if city else "Kabupaten"
            new.append(
                Satker(
                    code=f"{province.code}.{number:02d}",
                    name=f"KPU {label} {name} {n}",
                    level=level,
                    parent=province,
                )
            )
        existing = Satker.objects.bulk_create(new)
    # About one in forty was formed (pemekaran) in the last three years. Every draw is made
    # whatever the outcome, so a second run draws the same numbers as the first.
    for office in existing:
        roll, years_ago, month = rng.random(), rng.randrange(3), rng.randrange(1, 13)
        if roll < 0.025 and office.reporting_from is None:
            office.reporting_from = datetime.date(today.year - years_ago, month, 1)
            office.save(update_fields=["reporting_from"])
    return existing


def _user(username, satker, role) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User(username=username, first_name=username, email=f"{username}@example.org")
        user.set_unusable_password()
        user.save()
        Membership.objects.create(user=user, satker=satker, role=role)
    return user


def _status(rng, period, today) -> tuple[str | None, bool]:
    """(status or None for no report, late) for one satker and one month."""
    age = (today.year - period.year) * 12 + today.month - period.month
    roll = rng.random()
    late = rng.random() < 0.2
    if period.deadline >= today:  # still being collected
        if roll < 0.35:
            return None, False
        if roll < 0.55:
            return Status.DRAFT, False
        return (Status.SUBMITTED if roll < 0.9 else Status.APPROVED), False
    if age <= 2:
        choices = [(0.08, None), (0.13, Status.DRAFT), (0.45, Status.SUBMITTED),
                   (0.52, Status.RETURNED), (1, Status.APPROVED)]  # fmt: skip
    else:
        choices = [(0.05, None), (0.07, Status.DRAFT), (0.08, Status.RETURNED),
                   (1, Status.APPROVED)]  # fmt: skip
    status = next(value for limit, value in choices if roll < limit)
    return status, late if status not in (None, Status.DRAFT) else False


def _reports(offices, periods, operators, reviewer, today, rng, per_report) -> tuple[int, int]:
    if Report.objects.filter(satker__in=offices).exists():
        return 0, 0  # seeded before: leave it as it is
    reports = []
    for office in offices:
        for period in periods:
            if office.reporting_from and period.first_day < office.reporting_from:
                continue
            status, late = _status(rng, period, today)
            if status is None:
                continue
            report = Report(satker=office, period=period, status=status)
            if status != Status.DRAFT:
                end = deadline_end(period.deadline)
                sent = end + datetime.timedelta(hours=rng.randrange(2, 400)) if late else (
                    end - datetime.timedelta(hours=rng.randrange(2, 200))
                )  # fmt: skip
                report.first_submitted_at = sent
                report.submitted_at = sent + datetime.timedelta(
                    days=rng.randrange(0, 4) if status == Status.RETURNED else 0
                )
                report.late = late
            reports.append(report)
    Report.objects.bulk_create(reports, batch_size=2000)
    rows = _sections(reports, operators, reviewer, rng, per_report)
    return len(reports), rows


def _sections(reports, operators, reviewer, rng, per_report) -> int:
    channels, segments, kinds = Channel.values, Segment.values, Activity.Kind.values
    one_to_one, publications, activities, villages, dp3, events = [], [], [], [], [], []
    for report in reports:
        period, operator = report.period, operators[report.satker_id]

        def day(period=period):
            return period.first_day + datetime.timedelta(days=rng.randrange(28))

        members = {name: rng.random() < 0.6 for name in Kelembagaan.MEMBER_FIELDS}
        formed = rng.random() < 0.85
        one_to_one.append(
            Kelembagaan(
                report=report, bakohumas_formed=formed,
                sk_number=f"{report.satker.code}/PP.08-SD/{period.year}" if formed else "",
                sk_date=datetime.date(period.year, 1, 15) if formed else None,
                wa_group_formed=True, wa_member_count=rng.randrange(15, 80),
                coordinated_with_pemda=rng.random() < 0.7, **members,
            )
        )  # fmt: skip
        fulfilled, rejected, pending = rng.randrange(6), rng.randrange(2), rng.randrange(2)
        one_to_one.append(
            Ppid(report=report, requests_received=fulfilled + rejected + pending,
                 requests_fulfilled=fulfilled, requests_rejected=rejected,
                 requests_in_process=pending, objections=rng.randrange(2) if rejected else 0,
                 dip_updated=rng.random() < 0.5, ppid_page_updated=rng.random() < 0.5)
        )  # fmt: skip
        one_to_one.append(Obstacles(report=report, follow_up="Rapat koordinasi lanjutan."))
        for i in range(rng.randrange(per_report * 2 + 1)):
            publications.append(
                Publication(report=report, date=day(), channel=rng.choice(channels),
                            title=f"Sosialisasi tahapan pemilihan {i + 1}",
                            url=f"https://kpu.go.id/berita/{report.satker.code}/{i + 1}",
                            reach=rng.randrange(100, 20_000))
            )  # fmt: skip
        for i in range(rng.randrange(per_report // 2 + 2)):
            activities.append(
                Activity(report=report, date=day(), kind=rng.choice(kinds),
                         title=f"Pendidikan pemilih {i + 1}", place=rng.choice(PLACES),
                         segment=rng.choice(segments), participants=rng.randrange(20, 300))
            )  # fmt: skip
        for i in range(1 + rng.randrange(max(1, per_report // 3))):
            cadres = [rng.randrange(0, 7) for _ in Dp3Village.CADRE_FIELDS]
            villages.append(
                Dp3Village(report=report, name=f"Desa {VILLAGES[i % len(VILLAGES)]}",
                           district=f"Kecamatan {i + 1}",
                           **dict(zip(Dp3Village.CADRE_FIELDS, cadres, strict=True)))
            )  # fmt: skip
        if rng.random() < 0.6:
            dp3.append(
                Dp3Activity(report=report, date=day(), village=VILLAGES[0],
                            title="Pembentukan kader DP3", participants=rng.randrange(10, 60))
            )  # fmt: skip
        events.append(
            ReportEvent(report=report, actor_id=operator, action=Action.CREATED,
                        created_at=timezone.make_aware(datetime.datetime.combine(
                            period.last_day, datetime.time(9))), to_status=Status.DRAFT)
        )  # fmt: skip
        if report.first_submitted_at:
            events.append(
                ReportEvent(report=report, actor_id=operator, action=Action.SUBMITTED,
                            created_at=report.first_submitted_at, from_status=Status.DRAFT,
                            to_status=Status.SUBMITTED)
            )  # fmt: skip
        if report.status in (Status.APPROVED, Status.RETURNED):
            events.append(
                ReportEvent(report=report, actor=reviewer,
                            action=Action.APPROVED if report.status == Status.APPROVED
                            else Action.RETURNED,
                            created_at=report.submitted_at + datetime.timedelta(days=2),
                            from_status=Status.SUBMITTED, to_status=report.status,
                            note="" if report.status == Status.APPROVED else "Lengkapi tautan.")
            )  # fmt: skip
    by_model: dict = {}
    for row in one_to_one:
        by_model.setdefault(type(row), []).append(row)
    total = 0
    for rows in [*by_model.values(), publications, activities, villages, dp3, events]:
        if rows:
            type(rows[0]).objects.bulk_create(rows, batch_size=5000)
            total += len(rows)
    return total
