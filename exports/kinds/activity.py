"""Rankings and recaps: what each satker did, from its approved reports."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards import access as dashboards_access
from dashboards import activity
from dashboards.compliance import (
    regencies_below,
)
from satker.models import Level

from ..document import Column, Document, Table
from ..registry import ExportKind, register
from .common import (
    activity_table,
    described,
    heading_of,
    is_national,
    office_of,
    parse_params,
    read_filters,
)


def _rankings_scope(user, params) -> str:
    office = office_of(user, params)
    span = activity.Span.parse(params["tahun"], params["periode"])
    return _("Peringkat satker %(office)s, %(span)s") % {
        "office": office.short_name,
        "span": span.label,
    }


def _build_rankings(user, params, format) -> Document:
    calendar, filters = read_filters(params)
    office = office_of(user, params)
    regencies = regencies_below(office, user, filters.level).select_related("parent")
    rows = activity.ranking(regencies, filters.span, metric=filters.metric, today=calendar.today)
    return Document(
        title=_("Peringkat kegiatan satker, %(span)s") % {"span": filters.span.label},
        office=heading_of(office),
        filters=described(
            params,
            office,
            (_("Periode"), str(filters.span.label)),
            (_("Diurutkan menurut"), str(activity.METRICS[filters.metric])),
        ),
        tables=[
            activity_table(_("Peringkat"), rows, ranked=True, national=office.level == Level.RI)
        ],
        landscape=True,
        filename=f"peringkat-{office.code}-{filters.span.year}{filters.span.key}",
        notes=[_("Angka kegiatan dari laporan bulanan yang disetujui.")],
    )


register(
    ExportKind(
        name="peringkat",
        label=gettext_lazy("Peringkat satker"),
        formats=("xlsx", "pdf"),
        parse=parse_params,
        check_scope=_rankings_scope,
        is_big=is_national,
        build=_build_rankings,
    )
)


# Recap --------------------------------------------------------------------------------------


def _recap_satker(user, params):
    return dashboards_access.get_recap_satker_for_user(user, params["code"])


def _recap_scope(user, params) -> str:
    satker = _recap_satker(user, params)
    span = activity.Span.parse(params["tahun"], params["periode"])
    return _("Rekap %(satker)s, %(span)s") % {"satker": satker.short_name, "span": span.label}


def _recap_is_big(user, params) -> bool:
    return _recap_satker(user, params).level == Level.RI


def _breakdown_tables(breakdown) -> list[Table]:
    count, people = Column(_("Jumlah"), "int"), Column(_("Peserta"), "int")
    ppid = breakdown.ppid
    return [
        Table(_("Publikasi per kanal"), [Column(_("Kanal"), width=24), count],
              [[str(r["label"]), r["count"]] for r in breakdown.by_channel]),
        Table(_("Kegiatan per jenis"), [Column(_("Jenis"), width=44), count, people],
              [[str(r["label"]), r["count"], r["participants"]] for r in breakdown.by_kind]),
        Table(_("Kegiatan per segmen"), [Column(_("Segmen"), width=28), count, people],
              [[str(r["label"]), r["count"], r["participants"]] for r in breakdown.by_segment]),
        Table(_("Layanan PPID"), [Column(_("Uraian"), width=28), count], [
            [_("Permohonan diterima"), ppid["received"]],
            [_("Dipenuhi"), ppid["fulfilled"]],
            [_("Ditolak"), ppid["rejected"]],
            [_("Masih diproses"), ppid["in_process"]],
            [_("Keberatan"), ppid["objections"]],
        ]),
    ]  # fmt: skip


def _build_recap(user, params, format) -> Document:
    calendar, filters = read_filters(params)
    satker = _recap_satker(user, params)
    span = filters.span
    if satker.level in (Level.KABUPATEN, Level.KOTA):
        approved = activity.approved_in(span, satker)
        reports = activity.monthly_reports(satker, span)
        first = Table(
            _("Laporan per bulan"),
            [Column(_("Bulan"), width=16), Column(_("Publikasi"), "int"),
             Column(_("Kegiatan"), "int"), Column(_("Permohonan PPID"), "int"),
             Column(_("Pertama dikirim"), "datetime"), Column(_("Ketepatan"), width=14)],
            [[r.period.label, r.n_publications, r.n_activities, r.ppid.requests_received,
              r.first_submitted_at, _("terlambat") if r.late else _("tepat waktu")]
             for r in reports],
        )  # fmt: skip
    else:
        regencies = regencies_below(satker, user)
        approved = activity.approved_in(span).filter(satker__in=regencies)
        rows = activity.with_activity(
            regencies.select_related("parent"), span, today=calendar.today
        ).order_by("parent__code", "code")
        first = activity_table(
            _("Per satker"), rows, ranked=False, national=satker.level == Level.RI
        )
    title = (
        _("Rekap Triwulan %(q)s Tahun %(year)s") % {"q": span.quarter, "year": span.year}
        if span.quarter
        else _("Rekap %(span)s") % {"span": span.label}
    )
    return Document(
        title=f"{title} · {satker.name}",
        office=heading_of(satker),
        filters=[
            (_("Satker"), f"{satker.code} {satker.name}"),
            (_("Periode"), str(span.label)),
        ],
        tables=[first, *_breakdown_tables(activity.breakdown(approved))],
        landscape=True,
        filename=f"rekap-{satker.code}-{span.year}{span.key}",
        notes=[_("Disusun dari laporan bulanan yang disetujui.")],
    )


register(
    ExportKind(
        name="rekap",
        label=gettext_lazy("Rekap triwulan/tahunan"),
        formats=("xlsx", "pdf"),
        parse=parse_params,
        check_scope=_recap_scope,
        is_big=_recap_is_big,
        build=_build_recap,
    )
)
