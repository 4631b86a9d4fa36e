"""The exports of the dashboards: compliance matrix, rankings, recap, and section rows.

Each reads exactly what its page shows (`dashboards.compliance`, `dashboards.activity`), in
the scope of the user who asked, checked through `dashboards.access`.
"""

from __future__ import annotations

from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards import access as dashboards_access
from dashboards import activity
from dashboards.compliance import (
    CELL_SIGNS,
    CELL_WORDS,
    RECEIVED,
    STATUS_FILTERS,
    Calendar,
    national_matrix,
    province_matrix,
    regencies_below,
)
from dashboards.compliance import filter_status as with_status
from dashboards.forms import DashboardFilter
from reports.models import (
    Activity,
    Channel,
    Dp3Activity,
    Dp3Village,
    Ppid,
    Publication,
    Segment,
    Status,
)
from satker import access as satker_access
from satker.models import Level, Satker

from .document import Column, Document, Table
from .registry import ExportKind, register

# Above this many rows, or anything national, an export goes to the worker.
STREAM_MAX_ROWS = 3000


def _filters(params) -> tuple[Calendar, DashboardFilter]:
    calendar = Calendar.load(timezone.localdate())
    default = calendar.current_year or calendar.today.year
    asked = str(params.get("tahun", ""))
    years = sorted({*calendar.years, int(asked)}) if asked.isdigit() else calendar.years
    return calendar, DashboardFilter(params, years=years, default_year=default)


def _parse(raw) -> dict:
    _calendar, filters = _filters(raw)
    return {
        "code": str(raw.get("code", ""))[:5],
        "tahun": filters.year,
        "tingkat": filters.level,
        "status": filters.state,
        "periode": filters.span.key,
        "urut": filters.metric,
    }


def _office(user, params):
    return dashboards_access.get_office_for_user(user, params["code"])


def _heading(satker) -> str:
    """The office whose heading the document bears: a province or KPU RI."""
    return satker.name if satker.level in (Level.RI, Level.PROVINSI) else satker.parent.name


def _described(params, satker, *extra) -> list[tuple[str, str]]:
    level = {"": _("Kabupaten dan kota"), Level.KABUPATEN: _("Kabupaten"), Level.KOTA: _("Kota")}
    rows = [(_("Cakupan"), f"{satker.code} {satker.name}"), (_("Tahun"), str(params["tahun"]))]
    if "tingkat" in params:
        rows.append((_("Tingkat"), str(level.get(params["tingkat"], ""))))
    return rows + [row for row in extra if row]


def _month(m: int) -> str:
    return str(MONTHS_3[m]).title()


def _rate_columns() -> list[Column]:
    return [
        Column(_("Laporan masuk"), "int"),
        Column(_("Tepat waktu"), "int"),
        Column(_("Laporan wajib"), "int"),
        Column(_("% masuk"), "percent"),
        Column(_("% tepat waktu"), "percent"),
    ]


def _rate_values(rate) -> list:
    return [rate.received, rate.on_time, rate.expected, rate.reporting, rate.timeliness]


# Compliance matrix --------------------------------------------------------------------------


def _matrix_scope(user, params) -> str:
    office = _office(user, params)
    return _("Matriks kepatuhan %(office)s %(year)s") % {
        "office": office.short_name,
        "year": params["tahun"],
    }


def _matrix_is_big(user, params) -> bool:
    return _office(user, params).level == Level.RI


def _build_matrix(user, params, format) -> Document:
    calendar, filters = _filters(params)
    office = _office(user, params)
    regencies = regencies_below(office, user)
    if filters.level:
        regencies = regencies.filter(level=filters.level)
    year = filters.year
    notes = [
        _(
            "Laporan wajib: periode yang batas waktunya sudah lewat, sejak bulan satker wajib "
            "lapor. Masuk: dikirim dan tidak ditarik (menunggu verifikasi, dikembalikan, atau "
            "disetujui). Tepat waktu: pertama kali dikirim paling lambat hari batas waktu."
        )
    ]
    if office.level == Level.RI:
        provinces = Satker.objects.visible_to(user).filter(level=Level.PROVINSI)
        matrix = national_matrix(provinces, regencies, year=year, calendar=calendar)
        columns = [
            Column(_("Kode"), width=7),
            Column(_("Provinsi"), width=28),
            *[
                Column(_("%(month)s (%% masuk)") % {"month": _month(m)}, "percent")
                for m in range(1, 13)
            ],
            *_rate_columns(),
        ]
        rows = [
            [row.satker.code, row.satker.short_name, *[c.reporting for c in row.cells],
             *_rate_values(row.rate)]
            for row in matrix.rows
        ]  # fmt: skip
        label = _("Per provinsi")
    else:
        shown = with_status(regencies, filters.state, year, calendar.due_months(year))
        matrix = province_matrix(shown, year=year, calendar=calendar)
        words = format == "xlsx"
        columns = [
            Column(_("Kode"), width=7),
            Column(_("Satker"), width=26),
            *[Column(_month(m), width=22 if words else 5) for m in range(1, 13)],
            *_rate_columns(),
        ]
        rows = [
            [row.satker.code, row.satker.short_name,
             *[cell.words if words else cell.sign for cell in row.cells], *_rate_values(row.rate)]
            for row in matrix.rows
        ]  # fmt: skip
        label = _("Per satker")
        if not words:
            notes.append(
                " · ".join(f"{CELL_SIGNS[s]} {CELL_WORDS[s]}" for s in CELL_SIGNS if CELL_SIGNS[s])
                + " · ! "
                + _("dikirim lewat batas waktu")
            )
    months = Table(
        _("Per bulan"),
        [Column(_("Bulan"), width=14), *_rate_columns()],
        [[str(MONTHS[m]), *_rate_values(rate)] for m, rate in enumerate(matrix.columns, start=1)]
        + [[_("Seluruhnya"), *_rate_values(matrix.overall)]],
    )
    status = STATUS_FILTERS.get(filters.state)
    return Document(
        title=_("Kepatuhan pelaporan Bakohumas %(year)s") % {"year": year},
        office=_heading(office),
        filters=_described(params, office, (_("Status"), str(status)) if status else None),
        tables=[Table(label, columns, rows, size=len(rows)), months],
        landscape=True,
        filename=f"kepatuhan-{office.code}-{year}",
        notes=notes,
    )


register(
    ExportKind(
        name="matriks",
        label=gettext_lazy("Matriks kepatuhan"),
        formats=("xlsx", "pdf"),
        parse=_parse,
        check_scope=_matrix_scope,
        is_big=_matrix_is_big,
        build=_build_matrix,
    )
)


# Rankings -----------------------------------------------------------------------------------

ACTIVITY_COLUMNS = [
    ("publications", gettext_lazy("Publikasi")),
    ("activities", gettext_lazy("Kegiatan")),
    ("participants", gettext_lazy("Peserta kegiatan")),
    ("dp3_activities", gettext_lazy("Kegiatan DP3")),
    ("villages", gettext_lazy("Desa DP3")),
    ("cadres", gettext_lazy("Kader DP3")),
    ("ppid_received", gettext_lazy("Permohonan PPID")),
    ("ppid_answered", gettext_lazy("PPID dijawab")),
]


def _province_name(province) -> str:
    """'Jawa Timur': the column's title already says it is a province."""
    return province.short_name.removeprefix("Provinsi ")


def _activity_table(title, rows, *, ranked: bool, national: bool) -> Table:
    columns = [Column(_("No."), "int", 6)] if ranked else []
    columns += [Column(_("Kode"), width=7), Column(_("Satker"), width=28)]
    if national:
        columns.append(Column(_("Provinsi"), width=20))
    columns += [Column(_("Laporan disetujui"), "int")]
    columns += [Column(str(label), "int") for _field, label in ACTIVITY_COLUMNS]
    columns += [
        Column(_("Laporan tepat waktu"), "int"),
        Column(_("Laporan wajib"), "int"),
        Column(_("% tepat waktu"), "percent"),
    ]

    def values(row):
        head = [row.rank] if ranked else []
        head += [row.code, row.short_name] + ([_province_name(row.parent)] if national else [])
        return [*head, row.approved, *[getattr(row, f) for f, _l in ACTIVITY_COLUMNS],
                row.on_time, row.expected, row.timeliness]  # fmt: skip

    rows = list(rows)
    return Table(title, columns, [values(row) for row in rows], size=len(rows))


def _rankings_scope(user, params) -> str:
    office = _office(user, params)
    span = activity.Span.parse(params["tahun"], params["periode"])
    return _("Peringkat satker %(office)s, %(span)s") % {
        "office": office.short_name,
        "span": span.label,
    }


def _build_rankings(user, params, format) -> Document:
    calendar, filters = _filters(params)
    office = _office(user, params)
    regencies = regencies_below(office, user).select_related("parent")
    if filters.level:
        regencies = regencies.filter(level=filters.level)
    rows = activity.ranking(regencies, filters.span, metric=filters.metric, today=calendar.today)
    return Document(
        title=_("Peringkat kegiatan satker, %(span)s") % {"span": filters.span.label},
        office=_heading(office),
        filters=_described(
            params,
            office,
            (_("Periode"), str(filters.span.label)),
            (_("Diurutkan menurut"), str(activity.METRICS[filters.metric])),
        ),
        tables=[
            _activity_table(_("Peringkat"), rows, ranked=True, national=office.level == Level.RI)
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
        parse=_parse,
        check_scope=_rankings_scope,
        is_big=_matrix_is_big,
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
    calendar, filters = _filters(params)
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
        first = _activity_table(
            _("Per satker"), rows, ranked=False, national=satker.level == Level.RI
        )
    title = (
        _("Rekap Triwulan %(q)s Tahun %(year)s") % {"q": span.quarter, "year": span.year}
        if span.quarter
        else _("Rekap %(span)s") % {"span": span.label}
    )
    return Document(
        title=f"{title} · {satker.name}",
        office=_heading(satker),
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
        parse=_parse,
        check_scope=_recap_scope,
        is_big=_recap_is_big,
        build=_build_recap,
    )
)


# Every row of a section over a range of months ------------------------------------------------

REPORT_COLUMNS = [
    ("report__satker__code", gettext_lazy("Kode satker"), "text", 10),
    ("report__satker__name", gettext_lazy("Satker"), "text", 28),
    ("report__period__year", gettext_lazy("Tahun"), "int", 7),
    ("report__period__month", gettext_lazy("Bulan"), "int", 7),
    ("report__status", gettext_lazy("Status laporan"), "text", 18),
]
SECTIONS = {
    "publikasi": (gettext_lazy("B. Publikasi"), Publication, [
        ("date", gettext_lazy("Tanggal"), "date", 12),
        ("channel", gettext_lazy("Kanal"), "text", 16),
        ("title", gettext_lazy("Judul"), "text", 50),
        ("url", gettext_lazy("Tautan"), "text", 40),
        ("reach", gettext_lazy("Jangkauan"), "int", 12),
    ]),
    "kegiatan": (gettext_lazy("C. Kegiatan"), Activity, [
        ("date", gettext_lazy("Tanggal"), "date", 12),
        ("kind", gettext_lazy("Jenis"), "text", 20),
        ("title", gettext_lazy("Nama kegiatan"), "text", 44),
        ("place", gettext_lazy("Tempat"), "text", 28),
        ("segment", gettext_lazy("Segmen sasaran"), "text", 20),
        ("participants", gettext_lazy("Peserta"), "int", 10),
        ("partner", gettext_lazy("Mitra"), "text", 24),
    ]),
    "desa": (gettext_lazy("D. Desa DP3"), Dp3Village, [
        ("name", gettext_lazy("Desa/kelurahan"), "text", 24),
        ("district", gettext_lazy("Kecamatan"), "text", 20),
        ("kind", gettext_lazy("Kategori"), "text", 10),
        ("agreement_date", gettext_lazy("Tanggal kesepakatan"), "date", 14),
        *[(name, Dp3Village._meta.get_field(name).verbose_name, "int", 10)
          for name in Dp3Village.CADRE_FIELDS],
    ]),
    "kegiatan-dp3": (gettext_lazy("D. Kegiatan DP3"), Dp3Activity, [
        ("date", gettext_lazy("Tanggal"), "date", 12),
        ("village", gettext_lazy("Desa/kelurahan"), "text", 24),
        ("title", gettext_lazy("Kegiatan"), "text", 44),
        ("participants", gettext_lazy("Peserta"), "int", 10),
    ]),
    "ppid": (gettext_lazy("E. PPID"), Ppid, [
        ("requests_received", gettext_lazy("Permohonan diterima"), "int", 12),
        ("requests_fulfilled", gettext_lazy("Dipenuhi"), "int", 10),
        ("requests_rejected", gettext_lazy("Ditolak"), "int", 10),
        ("requests_in_process", gettext_lazy("Masih diproses"), "int", 12),
        ("objections", gettext_lazy("Keberatan"), "int", 10),
    ]),
}  # fmt: skip
CHOICE_LABELS = {
    "channel": dict(Channel.choices),
    "segment": dict(Segment.choices),
    "report__status": dict(Status.choices),
}


def _parse_rows(raw) -> dict:
    params = _parse(raw)
    section = raw.get("bagian", "publikasi")
    params["bagian"] = section if section in SECTIONS else "publikasi"
    months = []
    for name, default in (("dari", 1), ("sampai", 12)):
        value = str(raw.get(name, default))
        months.append(int(value) if value.isdigit() and 1 <= int(value) <= 12 else default)
    params["dari"], params["sampai"] = min(months), max(months)
    return params


def _section_rows(user, params):
    satker = satker_access.get_satker_for_user(user, params["code"])
    if satker.level in (Level.RI, Level.PROVINSI) and not dashboards_access.sees_dashboards(user):
        raise Http404
    _label, model, _columns = SECTIONS[params["bagian"]]
    if satker.level in (Level.KABUPATEN, Level.KOTA):
        scope = {"report__satker": satker}
    else:
        scope = {"report__satker__in": regencies_below(satker, user)}
    rows = model.objects.filter(
        **scope,
        report__status__in=RECEIVED,
        report__period__year=params["tahun"],
        report__period__month__gte=params["dari"],
        report__period__month__lte=params["sampai"],
    )
    if params.get("tingkat"):
        rows = rows.filter(report__satker__level=params["tingkat"])
    return satker, rows


def _rows_scope(user, params) -> str:
    satker, _rows = _section_rows(user, params)
    label = SECTIONS[params["bagian"]][0]
    return _("%(section)s %(satker)s, %(start)s–%(end)s %(year)s") % {
        "section": label, "satker": satker.short_name, "start": _month(params["dari"]),
        "end": _month(params["sampai"]), "year": params["tahun"],
    }  # fmt: skip


def _rows_are_big(user, params) -> bool:
    satker, rows = _section_rows(user, params)
    return satker.level == Level.RI or rows.count() > STREAM_MAX_ROWS


def _build_rows(user, params, format) -> Document:
    satker, rows = _section_rows(user, params)
    label, _model, fields = SECTIONS[params["bagian"]]
    spec = [*REPORT_COLUMNS, *fields]
    names = [name for name, *_rest in spec]
    labels = {i: CHOICE_LABELS[name] for i, name in enumerate(names) if name in CHOICE_LABELS}
    if params["bagian"] == "kegiatan":
        labels[names.index("kind")] = dict(Activity.Kind.choices)
    if params["bagian"] == "desa":
        labels[names.index("kind")] = dict(Dp3Village.Kind.choices)
    ordered = rows.order_by("report__satker__code", "report__period__month", F("pk"))

    def values():
        for row in ordered.values_list(*names).iterator(chunk_size=2000):
            yield [str(labels[i].get(v, v)) if i in labels else v for i, v in enumerate(row)]

    return Document(
        title=_("%(section)s, %(start)s–%(end)s %(year)s")
        % {
            "section": label,
            "start": _month(params["dari"]),
            "end": _month(params["sampai"]),
            "year": params["tahun"],
        },  # fmt: skip
        office=_heading(satker),
        filters=_described(
            params,
            satker,
            (_("Bagian"), str(label)),
            (_("Bulan"), f"{MONTHS[params['dari']]} – {MONTHS[params['sampai']]}"),
            (_("Laporan"), _("yang sudah dikirim: menunggu verifikasi, dikembalikan, disetujui")),
        ),
        tables=[
            Table(
                str(label),
                [Column(str(text), kind, width) for _name, text, kind, width in spec],
                values(),
                size=rows.count(),
            )
        ],
        filename=f"{params['bagian']}-{satker.code}-{params['tahun']}",
    )


register(
    ExportKind(
        name="baris",
        label=gettext_lazy("Semua baris satu bagian laporan"),
        formats=("xlsx",),
        parse=_parse_rows,
        check_scope=_rows_scope,
        is_big=_rows_are_big,
        build=_build_rows,
    )
)
