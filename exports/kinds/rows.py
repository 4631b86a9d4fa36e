"""Every row of one section of the report over a range of months, as Excel."""

from __future__ import annotations

from django.db.models import F
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards import access as dashboards_access
from dashboards.compliance import (
    RECEIVED,
    month_short_name,
    regencies_below,
)
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
from satker.models import Level

from ..document import Column, Document, Table
from ..registry import ExportKind, register
from .common import (
    STREAM_MAX_ROWS,
    described,
    heading_of,
    parse_params,
)

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
    params = parse_params(raw)
    section = raw.get("bagian", "publikasi")
    params["bagian"] = section if section in SECTIONS else "publikasi"
    months = []
    for name, default in (("dari", 1), ("sampai", 12)):
        value = str(raw.get(name, default))
        months.append(int(value) if value.isdigit() and 1 <= int(value) <= 12 else default)
    params["dari"], params["sampai"] = min(months), max(months)
    return params


def _section_rows(user, params):
    # Rows of a satker's own reports for whoever sees it; of a province or the nation for
    # its reviewers: the scope of the recaps.
    satker = dashboards_access.get_recap_satker_for_user(user, params["code"])
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
        "section": label, "satker": satker.short_name, "start": month_short_name(params["dari"]),
        "end": month_short_name(params["sampai"]), "year": params["tahun"],
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
            "start": month_short_name(params["dari"]),
            "end": month_short_name(params["sampai"]),
            "year": params["tahun"],
        },  # fmt: skip
        office=heading_of(satker),
        filters=described(
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
