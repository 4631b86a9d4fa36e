"""PDF with WeasyPrint: A4, the KPU heading, page numbers, the printed date, Indonesian
numbers ("1.234") and dates ("10 Desember 2026")."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import floatformat
from django.template.loader import render_to_string
from django.utils import timezone

from ..document import Document


def _text(kind: str, value) -> str:
    if value is None:
        return "—"
    if kind == "int":
        return intcomma(value)
    if kind == "percent":
        return f"{floatformat(value, 1)}%"
    if kind == "date":
        return format_date(value, "j F Y")
    if kind == "datetime":
        return format_date(timezone.localtime(value), "j F Y H.i")
    return str(value)


def write_pdf(
    document: Document, *, progress: Callable[[int, int | None], None] | None = None
) -> bytes:
    # Imported here: WeasyPrint loads Pango, which only the pages that print need.
    from weasyprint import HTML

    tables = []
    for table in document.tables:
        kinds = [column.kind for column in table.columns]
        # A number aligns right; a short text (a code, a name) stays on one line.
        looks = [
            "n" if column.kind != "text" else "nw" if (column.width or 99) <= 10 else ""
            for column in table.columns
        ]
        rows = [
            [
                (_text(kind, value), look)
                for kind, value, look in zip(kinds, row, looks, strict=True)
            ]
            for row in table.rows
        ]
        tables.append({"table": table, "rows": rows})
    if progress:
        progress(sum(len(t["rows"]) for t in tables) // 2, None)
    html = render_to_string(
        "exports/pdf.html",
        {
            "document": document,
            "tables": tables,
            "printed": format_date(timezone.localtime(), "j F Y H.i"),
        },
    )
    return HTML(string=html).write_pdf()
