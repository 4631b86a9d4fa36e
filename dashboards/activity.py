"""What the satker did, from their approved reports: rankings, recaps and trends.

Only approved reports count (the juknis recap is built from verified reports). Each figure is
a grouped count or sum made by the database; a satker's DP3 villages and cadres are those of
its latest approved report in the range, since every monthly report repeats the villages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Rank
from django.utils.dates import MONTHS as MONTH_NAMES
from django.utils.translation import gettext_lazy as _

from reports.models import (
    DP3_CADRE_TARGET,
    Activity,
    Channel,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Ppid,
    Publication,
    Report,
    ReportingPeriod,
    Segment,
    Status,
)

from .compliance import RECEIVED, first_month

CADRES = sum((F(name) for name in Dp3Village.CADRE_FIELDS[1:]), F(Dp3Village.CADRE_FIELDS[0]))


@dataclass(frozen=True)
class Span:
    """A year, one of its quarters or one month: `?periode=` is '', 'tw1'..'tw4' or '1'..'12'."""

    year: int
    months: tuple[int, ...]
    key: str = ""

    @classmethod
    def parse(cls, year: int, key: str | None) -> Span:
        key = (key or "").strip().lower()
        if key in {"tw1", "tw2", "tw3", "tw4"}:
            quarter = int(key[2])
            return cls(year, tuple(range(quarter * 3 - 2, quarter * 3 + 1)), key)
        if key.isdigit() and 1 <= int(key) <= 12:
            return cls(year, (int(key),), key)
        return cls(year, tuple(range(1, 13)), "")

    @property
    def quarter(self) -> int | None:
        return int(self.key[2]) if self.key.startswith("tw") else None

    @property
    def label(self) -> str:
        if self.quarter:
            return _("Triwulan %(q)s %(year)s") % {"q": self.quarter, "year": self.year}
        if self.key:
            return f"{MONTH_NAMES[self.months[0]]} {self.year}"
        return _("Tahun %(year)s") % {"year": self.year}

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [
            ("", _("Setahun")),
            *[(f"tw{q}", _("Triwulan %(q)s") % {"q": q}) for q in range(1, 5)],
            *[(str(m), str(MONTH_NAMES[m])) for m in range(1, 13)],
        ]


def approved_in(span: Span, satker=None) -> QuerySet:
    reports = Report.objects.filter(
        status=Status.APPROVED, period__year=span.year, period__month__in=span.months
    )
    return reports.filter(satker=satker) if satker is not None else reports


def _per_satker(model, span: Span, value, path="report__") -> Coalesce:
    """A correlated subquery: `value` over `model` rows of the satker's approved reports."""
    rows = (
        model.objects.filter(
            **{
                f"{path}satker": OuterRef("pk"),
                f"{path}status": Status.APPROVED,
                f"{path}period__year": span.year,
                f"{path}period__month__in": span.months,
            }
        )
        .order_by()
        .values(f"{path}satker")
        .annotate(value=value)
        .values("value")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


# What a ranking can be sorted by, with the words of the page.
METRICS = {
    "publikasi": _("Publikasi"),
    "kegiatan": _("Kegiatan"),
    "peserta": _("Peserta kegiatan"),
    "desa": _("Desa DP3"),
    "kader": _("Kader DP3"),
    "ppid": _("Permohonan PPID dijawab"),
    "ketepatan": _("Ketepatan waktu"),
}
METRIC_FIELDS = {
    "publikasi": "publications",
    "kegiatan": "activities",
    "peserta": "participants",
    "desa": "villages",
    "kader": "cadres",
    "ppid": "ppid_answered",
    "ketepatan": "timeliness",
}


def with_activity(satkers: QuerySet, span: Span, *, today: datetime.date) -> QuerySet:
    """Annotate each satker with its activity in `span` and its timeliness (one query)."""
    latest_approved = (
        approved_in(span).filter(satker=OuterRef("pk")).order_by("-period__month").values("pk")[:1]
    )
    village_rows = Dp3Village.objects.filter(report=OuterRef("latest_report")).order_by()
    expected = ReportingPeriod.objects.filter(
        year=span.year,
        month__in=span.months,
        deadline__lt=today,
        month__gte=OuterRef("first_month"),
    )
    on_time = Report.objects.filter(
        satker=OuterRef("pk"),
        period__year=span.year,
        period__month__in=span.months,
        period__deadline__lt=today,
        period__month__gte=OuterRef("first_month"),
        status__in=RECEIVED,
        late=False,
    )
    return satkers.annotate(
        first_month=first_month(span.year),
        latest_report=Subquery(latest_approved),
        approved=_per_satker(Report, span, Count("pk"), path=""),
        publications=_per_satker(Publication, span, Count("pk")),
        activities=_per_satker(Activity, span, Count("pk")),
        participants=_per_satker(Activity, span, Sum("participants")),
        dp3_activities=_per_satker(Dp3Activity, span, Count("pk")),
        ppid_received=_per_satker(Ppid, span, Sum("requests_received")),
        ppid_answered=_per_satker(
            Ppid, span, Sum(F("requests_fulfilled") + F("requests_rejected"))
        ),
        villages=Coalesce(
            Subquery(village_rows.values("report").annotate(n=Count("pk")).values("n")), Value(0)
        ),
        cadres=Coalesce(
            Subquery(village_rows.values("report").annotate(n=Sum(CADRES)).values("n")), Value(0)
        ),
        expected=Coalesce(
            Subquery(expected.order_by().values("year").annotate(n=Count("pk")).values("n")),
            Value(0),
        ),
        on_time=Coalesce(
            Subquery(
                on_time.order_by().values("satker").annotate(n=Count("pk")).values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        ),
    ).annotate(
        timeliness=Case(
            When(expected=0, then=Value(None)),
            default=ExpressionWrapper(
                F("on_time") * Value(100.0) / F("expected"), output_field=FloatField()
            ),
            output_field=FloatField(),
        )
    )


def ranking(satkers: QuerySet, span: Span, *, metric: str, today: datetime.date) -> QuerySet:
    """Satker ranked by `metric` (a key of METRICS), ties sharing a rank: one query."""
    order = F(METRIC_FIELDS.get(metric, "publications")).desc(nulls_last=True)
    return (
        with_activity(satkers, span, today=today)
        .annotate(rank=Window(Rank(), order_by=order))
        .order_by("rank", "code")
    )


# Recaps ----------------------------------------------------------------------------------------


def _labelled(rows, field: str, choices) -> list[dict]:
    labels = dict(choices.choices)
    return [{**row, "label": labels.get(row[field], row[field])} for row in rows]


@dataclass
class Breakdown:
    by_channel: list[dict]
    by_kind: list[dict]
    by_segment: list[dict]
    ppid: dict


def breakdown(approved: QuerySet) -> Breakdown:
    """Publications per channel, activities per kind and segment, PPID totals: 4 queries."""
    publications = Publication.objects.filter(report__in=approved)
    activities = Activity.objects.filter(report__in=approved)
    return Breakdown(
        by_channel=_labelled(
            publications.values("channel").annotate(count=Count("pk")).order_by("channel"),
            "channel",
            Channel,
        ),
        by_kind=_labelled(
            activities.values("kind")
            .annotate(count=Count("pk"), participants=Sum("participants"))
            .order_by("kind"),
            "kind",
            Activity.Kind,
        ),
        by_segment=_labelled(
            activities.values("segment")
            .annotate(count=Count("pk"), participants=Sum("participants"))
            .order_by("segment"),
            "segment",
            Segment,
        ),
        ppid=approved.aggregate(
            reports=Count("pk"),
            received=Coalesce(Sum("ppid__requests_received"), 0),
            fulfilled=Coalesce(Sum("ppid__requests_fulfilled"), 0),
            rejected=Coalesce(Sum("ppid__requests_rejected"), 0),
            in_process=Coalesce(Sum("ppid__requests_in_process"), 0),
            objections=Coalesce(Sum("ppid__objections"), 0),
        ),
    )


def institutions(ranked: QuerySet) -> dict:
    """How many satker had Bakohumas formed, a WA group, ... in their latest approved report."""
    latest = Kelembagaan.objects.filter(report_id__in=ranked.values("latest_report"))
    return latest.aggregate(
        satker=Count("pk"),
        bakohumas_formed=Count("pk", filter=Q(bakohumas_formed=True)),
        wa_group_formed=Count("pk", filter=Q(wa_group_formed=True)),
        wa_members=Coalesce(Sum("wa_member_count"), 0),
        coordinated=Count("pk", filter=Q(coordinated_with_pemda=True)),
    )


def monthly_reports(satker, span: Span) -> QuerySet:
    """A satker's approved reports in the span with their counts, month by month."""
    return (
        approved_in(span, satker)
        .select_related("period", "ppid")
        .annotate(
            n_publications=Count("publications", distinct=True),
            n_activities=Count("activities", distinct=True),
        )
        .order_by("period__month")
    )


# Trends of one satker, month by month ----------------------------------------------------------


@dataclass
class Trends:
    publications: dict  # channel -> [12 counts]
    activities: list[int]
    participants: list[int]
    by_segment: list[dict]
    villages: list[int]
    cadres: list[int]
    ppid: dict  # field -> [12 numbers]

    @property
    def cadre_target(self) -> list[int]:
        return [n * DP3_CADRE_TARGET for n in self.villages]


def _by_month(rows, key: str) -> list[int]:
    values = {row["month"]: row[key] or 0 for row in rows}
    return [values.get(m, 0) for m in range(1, 13)]


def trends(satker, year: int) -> Trends:
    """The satker's year, month by month, from its approved reports: five queries."""
    approved = approved_in(Span.parse(year, ""), satker)
    month = F("report__period__month")
    publications = {channel: [0] * 12 for channel in Channel.values}
    for row in (
        Publication.objects.filter(report__in=approved)
        .values("channel", month=month)
        .annotate(n=Count("pk"))
    ):
        publications[row["channel"]][row["month"] - 1] = row["n"]
    activities = list(
        Activity.objects.filter(report__in=approved)
        .values(month=month)
        .annotate(n=Count("pk"), participants=Sum("participants"))
    )
    villages = list(
        Dp3Village.objects.filter(report__in=approved)
        .values(month=month)
        .annotate(n=Count("pk"), cadres=Sum(CADRES))
    )
    ppid_fields = [
        "requests_received", "requests_fulfilled", "requests_rejected",
        "requests_in_process", "objections",
    ]  # fmt: skip
    ppid_rows = list(Ppid.objects.filter(report__in=approved).values(*ppid_fields, month=month))
    return Trends(
        publications={c: counts for c, counts in publications.items() if any(counts)},
        activities=_by_month(activities, "n"),
        participants=_by_month(activities, "participants"),
        by_segment=_labelled(
            Activity.objects.filter(report__in=approved)
            .values("segment")
            .annotate(count=Count("pk"), participants=Sum("participants"))
            .order_by("segment"),
            "segment",
            Segment,
        ),
        villages=_by_month(villages, "n"),
        cadres=_by_month(villages, "cadres"),
        ppid={name: _by_month(ppid_rows, name) for name in ppid_fields},
    )


def latest_state(satker):
    """The satker's latest sent report with section A: its current Bakohumas state."""
    return (
        Report.objects.filter(satker=satker, status__in=RECEIVED)
        .select_related("kelembagaan", "period")
        .order_by("-period__year", "-period__month")
        .first()
    )
