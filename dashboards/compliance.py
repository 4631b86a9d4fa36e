"""Compliance: who reported which month, and the reporting and timeliness rates.

*Expected* are the periods whose deadline has passed (the deadline day is over, WIB), from
the month the satker must report from (`Satker.reporting_from`). *Received* is a report of
an expected period that has been sent and not withdrawn: waiting for verification, returned
for correction, or approved. *On time* is a received report first sent by the deadline
(`Report.late` is fixed at the first submission, so a late report stays late when approved).
A period whose deadline has not passed counts nowhere, even when reports have come in.

Every count is made by the database (conditional counts grouped by satker or month); Python
only adds up the twelve months of a row and divides.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FilteredRelation,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import ExtractMonth
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext_lazy as _

from reports.models import Report, ReportingPeriod, Status
from satker.models import Level, Satker

RECEIVED = [Status.SUBMITTED, Status.RETURNED, Status.APPROVED]
MONTHS = range(1, 13)


def month_short_name(month: int) -> str:
    """'Jan', 'Feb', … in the active language: the matrix's columns, charts and exports."""
    return str(MONTHS_3[month]).title()


def first_month(year: int, prefix: str = "") -> Case:
    """The first month of `year` the satker must report on: 1..12, or 13 for none."""
    since = f"{prefix}reporting_from"
    return Case(
        When(
            Q(**{f"{since}__isnull": True}) | Q(**{f"{since}__lt": datetime.date(year, 1, 1)}),
            then=Value(1),
        ),
        When(**{f"{since}__gt": datetime.date(year, 12, 31)}, then=Value(13)),
        default=ExtractMonth(since),
        output_field=IntegerField(),
    )


def is_due(period: ReportingPeriod, today: datetime.date) -> bool:
    """The deadline day is over: the period is expected of every satker that owes it."""
    return period.deadline < today


@dataclass(frozen=True)
class Rate:
    received: int = 0
    on_time: int = 0
    expected: int = 0

    def __add__(self, other: Rate) -> Rate:
        return Rate(
            self.received + other.received,
            self.on_time + other.on_time,
            self.expected + other.expected,
        )

    @property
    def reporting(self) -> float | None:
        """Reports received ÷ expected, in percent; None when nothing is expected yet."""
        return 100 * self.received / self.expected if self.expected else None

    @property
    def timeliness(self) -> float | None:
        """Reports sent on time ÷ expected, in percent."""
        return 100 * self.on_time / self.expected if self.expected else None


def total(rates) -> Rate:
    return sum(rates, Rate())


# One month of one satker -------------------------------------------------------------------


class CellState:
    """What a cell of the matrix says; each has a colour, a sign and words (templatetags)."""

    APPROVED = "approved"
    SUBMITTED = "submitted"
    SUBMITTED_LATE = "submitted_late"
    RETURNED = "returned"
    DRAFT = "draft"
    MISSING = "missing"
    NOT_DUE = "not_due"
    NOT_EXPECTED = "not_expected"
    NO_PERIOD = "no_period"


# What each state means, in words (the page's legend and cells, the exports' cells).
CELL_WORDS = {
    CellState.APPROVED: _("Disetujui"),
    CellState.SUBMITTED: _("Dikirim tepat waktu, menunggu verifikasi"),
    CellState.SUBMITTED_LATE: _("Dikirim terlambat, menunggu verifikasi"),
    CellState.RETURNED: _("Dikembalikan untuk diperbaiki"),
    CellState.DRAFT: _("Masih draf, belum dikirim"),
    CellState.MISSING: _("Belum lapor, batas waktu lewat"),
    CellState.NOT_DUE: _("Belum jatuh tempo"),
    CellState.NOT_EXPECTED: _("Tidak wajib lapor bulan ini"),
    CellState.NO_PERIOD: _("Periode belum dibuka"),
}
# The same, briefly: what a screen reader says in a cell, whose column names the month.
CELL_SHORT = {
    CellState.APPROVED: _("disetujui"),
    CellState.SUBMITTED: _("menunggu verifikasi"),
    CellState.SUBMITTED_LATE: _("terlambat, menunggu verifikasi"),
    CellState.RETURNED: _("dikembalikan"),
    CellState.DRAFT: _("draf"),
    CellState.MISSING: _("belum lapor"),
    CellState.NOT_DUE: _("belum jatuh tempo"),
    CellState.NOT_EXPECTED: _("tidak wajib"),
    CellState.NO_PERIOD: _("belum dibuka"),
}
# A sign for each state that survives black-and-white print and colour blindness.
CELL_SIGNS = {
    CellState.APPROVED: "✓",
    CellState.SUBMITTED: "◷",
    CellState.SUBMITTED_LATE: "◷!",
    CellState.RETURNED: "↩",
    CellState.DRAFT: "✎",
    CellState.MISSING: "✗",
    CellState.NOT_DUE: "…",
    CellState.NOT_EXPECTED: "–",
    CellState.NO_PERIOD: "",
}
LATE_SIGN = "!"

# The states a reviewer can filter the matrix on, in the words of the filter.
STATUS_FILTERS = {
    CellState.MISSING: _("Belum lapor (lewat batas waktu)"),
    CellState.DRAFT: _("Masih draf"),
    CellState.SUBMITTED: _("Menunggu verifikasi"),
    "late": _("Pernah terlambat"),
    CellState.RETURNED: _("Dikembalikan"),
    CellState.APPROVED: _("Disetujui"),
}


@dataclass(frozen=True)
class Cell:
    state: str
    month: int
    report_id: int | None = None
    late: bool = False

    @property
    def marked_late(self) -> bool:
        """Approved or returned, but first sent after the deadline: shown with a '!'."""
        return self.late and self.state in (CellState.APPROVED, CellState.RETURNED)

    @property
    def sign(self) -> str:
        return CELL_SIGNS[self.state] + (LATE_SIGN if self.marked_late else "")

    @property
    def short_words(self) -> str:
        words = str(CELL_SHORT[self.state])
        return f"{words}, {_('terlambat')}" if self.marked_late else words

    @property
    def words(self) -> str:
        words = str(CELL_WORDS[self.state])
        return f"{words} ({_('terlambat')})" if self.marked_late else words


def cell_state(*, status, late, period, today, expected_of_satker: bool) -> str:
    if period is None:
        return CellState.NO_PERIOD
    if status is None:
        if not expected_of_satker:
            return CellState.NOT_EXPECTED
        return CellState.MISSING if is_due(period, today) else CellState.NOT_DUE
    if status == Status.SUBMITTED:
        return CellState.SUBMITTED_LATE if late else CellState.SUBMITTED
    return str(status)


# The year's periods --------------------------------------------------------------------------


class Calendar:
    """Every reporting period (one query): the year's months, what is due, this period.

    Read on every dashboard request (the deadlines are part of each cache key), so it keeps
    plain rows and makes period objects only for what a page that is rendered asks for.
    """

    def __init__(self, today: datetime.date, rows: list[tuple]):
        self.today = today
        self.rows = rows  # (pk, year, month, deadline), in order

    @classmethod
    def load(cls, today: datetime.date) -> Calendar:
        rows = ReportingPeriod.objects.order_by("year", "month")
        return cls(today, list(rows.values_list("pk", "year", "month", "deadline")))

    @staticmethod
    def _period(row) -> ReportingPeriod:
        pk, year, month, deadline = row
        return ReportingPeriod(id=pk, year=year, month=month, deadline=deadline)

    @property
    def years(self) -> list[int]:
        return sorted({row[1] for row in self.rows}, reverse=True) or [self.today.year]

    def of_year(self, year: int) -> dict[int, ReportingPeriod]:
        return {row[2]: self._period(row) for row in self.rows if row[1] == year}

    def due_months(self, year: int) -> list[int]:
        return [row[2] for row in self.rows if row[1] == year and row[3] < self.today]

    @property
    def default_year(self) -> int:
        """The year a page shows unless asked: this period's, else the calendar year."""
        return self.current_year or self.today.year

    @property
    def current_year(self) -> int | None:
        """The year of this period (see `current`), without making a period object."""
        month = (self.today.year, self.today.month)
        ended = [row[1] for row in self.rows if (row[1], row[2]) < month]
        return ended[-1] if ended else None

    @property
    def current(self) -> ReportingPeriod | None:
        """This period: the latest month that has ended (satker are reporting on it)."""
        month = (self.today.year, self.today.month)
        ended = [row for row in self.rows if (row[1], row[2]) < month]
        return self._period(ended[-1]) if ended else None

    def signature(self, year: int) -> str:
        """Changes when a period of the year is opened or its deadline moved (cache keys)."""
        return ",".join(f"{row[2]}:{row[3]:%Y%m%d}" for row in self.rows if row[1] == year)


# The province's matrix: its satker × the months of a year --------------------------------------


@dataclass
class MatrixRow:
    satker: Satker
    cells: list[Cell]
    rate: Rate


@dataclass
class Matrix:
    year: int
    months: dict[int, ReportingPeriod]
    rows: list
    columns: list[Rate] = field(default_factory=list)

    @property
    def overall(self) -> Rate:
        return total(self.columns)


def filter_status(satkers: QuerySet, status: str, year: int, due: list[int]) -> QuerySet:
    """Satker with at least one month of `year` in `status` (see STATUS_FILTERS)."""
    reports = Report.objects.filter(satker=OuterRef("pk"), period__year=year)
    if status == CellState.MISSING:
        due_periods = ReportingPeriod.objects.filter(
            year=year, month__in=due, month__gte=OuterRef("first_month")
        )
        unsent = due_periods.exclude(
            Exists(
                Report.objects.filter(
                    satker=OuterRef(OuterRef("pk")), period=OuterRef("pk"), status__in=RECEIVED
                )
            )
        )
        return satkers.annotate(first_month=first_month(year)).filter(Exists(unsent))
    if status == "late":
        return satkers.filter(Exists(reports.filter(late=True)))
    if status in (Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED):
        return satkers.filter(Exists(reports.filter(status=status)))
    return satkers


def province_matrix(satkers: QuerySet, *, year: int, calendar: Calendar) -> Matrix:
    """The matrix of `satkers` (regencies, already scoped and filtered) in five queries."""
    months = calendar.of_year(year)
    due = calendar.due_months(year)
    expected_reports = Q(
        reports__period__year=year,
        reports__period__month__in=due,
        reports__period__month__gte=F("first_month"),
        reports__status__in=RECEIVED,
    )
    rows = list(
        satkers.annotate(first_month=first_month(year))
        .annotate(
            received=Count("reports", filter=expected_reports),
            on_time=Count("reports", filter=expected_reports & Q(reports__late=False)),
        )
        .order_by("code")
    )
    found = {
        (satker_id, month): (status, late, pk)
        for satker_id, month, status, late, pk in Report.objects.filter(
            satker__in=satkers, period__year=year
        ).values_list("satker_id", "period__month", "status", "late", "pk")
    }
    matrix_rows = []
    for satker in rows:
        cells = []
        for month in MONTHS:
            status, late, pk = found.get((satker.pk, month), (None, False, None))
            state = cell_state(
                status=status,
                late=late,
                period=months.get(month),
                today=calendar.today,
                expected_of_satker=month >= satker.first_month,
            )
            cells.append(Cell(state, month, pk, bool(late)))
        expected = sum(1 for m in due if m >= satker.first_month)
        matrix_rows.append(
            MatrixRow(satker, cells, Rate(satker.received, satker.on_time, expected))
        )
    return Matrix(year, months, matrix_rows, _month_rates(satkers, year, due))


def _month_rates(satkers: QuerySet, year: int, due: list[int]) -> list[Rate]:
    """Received, on time and expected per month of `year`, for `satkers`: two queries."""
    by_month = {
        row["period__month"]: row
        for row in Report.objects.filter(
            satker__in=satkers,
            period__year=year,
            period__month__in=due,
            status__in=RECEIVED,
        )
        .annotate(satker_first_month=first_month(year, prefix="satker__"))
        .filter(period__month__gte=F("satker_first_month"))
        .values("period__month")
        .annotate(received=Count("pk"), on_time=Count("pk", filter=Q(late=False)))
    }
    expected = satkers.annotate(first_month=first_month(year)).aggregate(
        **{f"m{m}": Count("pk", filter=Q(first_month__lte=m)) for m in MONTHS}
    )
    return [
        Rate(
            by_month.get(m, {}).get("received", 0),
            by_month.get(m, {}).get("on_time", 0),
            expected[f"m{m}"],
        )
        if m in due
        else Rate()
        for m in MONTHS
    ]


# The nation: a row per province, each month aggregating its regencies ----------------------------


@dataclass
class ProvinceRow:
    satker: Satker
    cells: list[Rate]

    @property
    def rate(self) -> Rate:
        return total(self.cells)


def national_matrix(
    provinces: QuerySet, regencies: QuerySet, *, year: int, calendar: Calendar
) -> Matrix:
    """Provinces × months, each cell the rates of the province's regencies: three queries."""
    due = calendar.due_months(year)
    counted = {
        (row["satker__parent_id"], row["period__month"]): row
        for row in Report.objects.filter(
            satker__in=regencies, period__year=year, period__month__in=due, status__in=RECEIVED
        )
        .annotate(satker_first_month=first_month(year, prefix="satker__"))
        .filter(period__month__gte=F("satker_first_month"))
        .values("satker__parent_id", "period__month")
        .annotate(received=Count("pk"), on_time=Count("pk", filter=Q(late=False)))
    }
    expected = {
        row["parent_id"]: row
        for row in regencies.annotate(first_month=first_month(year))
        .values("parent_id")
        .annotate(**{f"m{m}": Count("pk", filter=Q(first_month__lte=m)) for m in MONTHS})
    }
    rows = []
    for province in provinces.order_by("code"):
        cells = []
        for m in MONTHS:
            got = counted.get((province.pk, m), {})
            owed = expected.get(province.pk, {}).get(f"m{m}", 0) if m in due else 0
            cells.append(Rate(got.get("received", 0), got.get("on_time", 0), owed))
        rows.append(ProvinceRow(province, cells))
    columns = [total(row.cells[m - 1] for row in rows) for m in MONTHS]
    return Matrix(year, calendar.of_year(year), rows, columns)


# This period ---------------------------------------------------------------------------------


@dataclass
class ThisPeriod:
    period: ReportingPeriod | None
    is_due: bool
    rate: Rate
    not_sent: list  # satker without a received report, with `sent_status`
    not_sent_count: int
    waiting: int
    oldest_waiting_since: datetime.datetime | None


NOT_SENT_SHOWN = 60


def this_period(regencies: QuerySet, *, calendar: Calendar) -> ThisPeriod:
    """Received/expected, on time and who has not sent, for this period; waiting reviews."""
    period = calendar.current
    waiting = Report.objects.filter(satker__in=regencies, status=Status.SUBMITTED).aggregate(
        count=Count("pk"), oldest=Min("submitted_at")
    )
    if period is None:
        return ThisPeriod(None, False, Rate(), [], 0, waiting["count"], waiting["oldest"])
    report = Report.objects.filter(satker=OuterRef("pk"), period=period)
    owing = regencies.annotate(first_month=first_month(period.year)).filter(
        first_month__lte=period.month
    )
    sent = Exists(report.filter(status__in=RECEIVED))
    # The satker's report of this period, if any: one row at most (one report per period).
    counts = owing.annotate(
        this=FilteredRelation("reports", condition=Q(reports__period=period))
    ).aggregate(
        expected=Count("pk"),
        received=Count("this", filter=Q(this__status__in=RECEIVED)),
        on_time=Count("this", filter=Q(this__status__in=RECEIVED, this__late=False)),
    )
    not_sent = list(
        owing.filter(~sent)
        .annotate(sent_status=Subquery(report.values("status")[:1]))
        .select_related("parent")
        .order_by("parent__code", "code")[:NOT_SENT_SHOWN]
    )
    return ThisPeriod(
        period=period,
        is_due=is_due(period, calendar.today),
        rate=Rate(counts["received"], counts["on_time"], counts["expected"]),
        not_sent=not_sent,
        not_sent_count=counts["expected"] - counts["received"],
        waiting=waiting["count"],
        oldest_waiting_since=waiting["oldest"],
    )


def regencies_below(satker: Satker, user, level: str = "") -> QuerySet:
    """The kabupaten/kota under a province (or under every province of KPU RI) `user` sees;
    only kabupaten or only kota when `level` says so (the pages' level filter)."""
    below = Q(parent=satker) if satker.level == Level.PROVINSI else Q(parent__parent=satker)
    regencies = Satker.objects.visible_to(user).regencies().filter(below)
    return regencies.filter(level=level) if level else regencies
