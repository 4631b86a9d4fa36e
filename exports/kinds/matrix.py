"""The compliance matrix of a province or of the nation, as Excel and PDF."""

from __future__ import annotations

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dashboards.compliance import (
    CELL_SIGNS,
    CELL_WORDS,
    STATUS_FILTERS,
    month_short_name,
    national_matrix,
    province_matrix,
    regencies_below,
)
from dashboards.compliance import filter_status as with_status
from satker.models import Level, Satker

from ..document import Column, Document, Table
from ..registry import ExportKind, register
from .common import (
    described,
    heading_of,
    is_national,
    office_of,
    parse_params,
    rate_columns,
    rate_values,
    read_filters,
)


def _matrix_scope(user, params) -> str:
    office = office_of(user, params)
    return _("Matriks kepatuhan %(office)s %(year)s") % {
        "office": office.short_name,
        "year": params["tahun"],
    }


def _build_matrix(user, params, format) -> Document:
    calendar, filters = read_filters(params)
    office = office_of(user, params)
    regencies = regencies_below(office, user, filters.level)
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
                Column(_("%(month)s (%% masuk)") % {"month": month_short_name(m)}, "percent")
                for m in range(1, 13)
            ],
            *rate_columns(),
        ]
        rows = [
            [row.satker.code, row.satker.short_name, *[c.reporting for c in row.cells],
             *rate_values(row.rate)]
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
            *[Column(month_short_name(m), width=22 if words else 5) for m in range(1, 13)],
            *rate_columns(),
        ]
        rows = [
            [row.satker.code, row.satker.short_name,
             *[cell.words if words else cell.sign for cell in row.cells], *rate_values(row.rate)]
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
        [Column(_("Bulan"), width=14), *rate_columns()],
        [[str(MONTHS[m]), *rate_values(rate)] for m, rate in enumerate(matrix.columns, start=1)]
        + [[_("Seluruhnya"), *rate_values(matrix.overall)]],
    )
    status = STATUS_FILTERS.get(filters.state)
    return Document(
        title=_("Kepatuhan pelaporan Bakohumas %(year)s") % {"year": year},
        office=heading_of(office),
        filters=described(params, office, (_("Status"), str(status)) if status else None),
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
        parse=parse_params,
        check_scope=_matrix_scope,
        is_big=is_national,
        build=_build_matrix,
    )
)
