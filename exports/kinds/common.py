"""What the dashboards' export kinds share: their filters, headings and columns."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards import access as dashboards_access
from dashboards.compliance import Calendar
from dashboards.forms import DashboardFilter
from satker.models import Level

from ..document import Column, Table

# Above this many rows, or anything national, an export goes to the worker.
STREAM_MAX_ROWS = 3000


def read_filters(params) -> tuple[Calendar, DashboardFilter]:
    calendar = Calendar.load(timezone.localdate())
    asked = str(params.get("tahun", ""))
    years = sorted({*calendar.years, int(asked)}) if asked.isdigit() else calendar.years
    return calendar, DashboardFilter(params, years=years, default_year=calendar.default_year)


def parse_params(raw) -> dict:
    _calendar, filters = read_filters(raw)
    return {
        "code": str(raw.get("code", ""))[:5],
        "tahun": filters.year,
        "tingkat": filters.level,
        "status": filters.state,
        "periode": filters.span.key,
        "urut": filters.metric,
    }


def office_of(user, params):
    return dashboards_access.get_office_for_user(user, params["code"])


def is_national(user, params) -> bool:
    """Anything about the whole nation is built by the worker."""
    return office_of(user, params).level == Level.RI


def heading_of(satker) -> str:
    """The office whose heading the document bears: a province or KPU RI."""
    return satker.name if satker.level in (Level.RI, Level.PROVINSI) else satker.parent.name


def described(params, satker, *extra) -> list[tuple[str, str]]:
    level = {"": _("Kabupaten dan kota"), Level.KABUPATEN: _("Kabupaten"), Level.KOTA: _("Kota")}
    rows = [(_("Cakupan"), f"{satker.code} {satker.name}"), (_("Tahun"), str(params["tahun"]))]
    if "tingkat" in params:
        rows.append((_("Tingkat"), str(level.get(params["tingkat"], ""))))
    return rows + [row for row in extra if row]


def rate_columns() -> list[Column]:
    return [
        Column(_("Laporan masuk"), "int"),
        Column(_("Tepat waktu"), "int"),
        Column(_("Laporan wajib"), "int"),
        Column(_("% masuk"), "percent"),
        Column(_("% tepat waktu"), "percent"),
    ]


def rate_values(rate) -> list:
    return [rate.received, rate.on_time, rate.expected, rate.reporting, rate.timeliness]


# Activity per satker (rankings and recaps) ----------------------------------------------------

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


def province_name(province) -> str:
    """'Jawa Timur': the column's title already says it is a province."""
    return province.short_name.removeprefix("Provinsi ")


def activity_table(title, rows, *, ranked: bool, national: bool) -> Table:
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
        head += [row.code, row.short_name] + ([province_name(row.parent)] if national else [])
        return [*head, row.approved, *[getattr(row, f) for f, _l in ACTIVITY_COLUMNS],
                row.on_time, row.expected, row.timeliness]  # fmt: skip

    rows = list(rows)
    return Table(title, columns, [values(row) for row in rows], size=len(rows))
