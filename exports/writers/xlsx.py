"""Excel (.xlsx) with openpyxl: one sheet per table and a sheet saying what was exported.

Numbers stay numbers and dates stay dates (only their display format is set), each sheet has
its header frozen, an autofilter and column widths from its content kind. Write-only mode
streams rows to the file, so a year of every publication in the country fits in memory.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..document import Column, Document

FORMATS = {
    "int": "#,##0",
    "percent": "0.0%",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
}
WIDTHS = {"int": 12, "percent": 10, "date": 12, "datetime": 17, "text": 24}
HEADER_FILL = PatternFill("solid", fgColor="F1E3E3")
PROGRESS_EVERY = 500


def _sheet_title(title: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , unique in the workbook.
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Data"
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" {n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _value(ws, column: Column, value):
    if value is None:
        return None
    if column.kind == "percent":
        cell = WriteOnlyCell(ws, value=value / 100)
    elif column.kind == "datetime" and isinstance(value, datetime.datetime):
        # Excel has no time zones: write the WIB wall-clock time.
        cell = WriteOnlyCell(ws, value=timezone.localtime(value).replace(tzinfo=None))
    elif column.kind in ("date", "int"):
        cell = WriteOnlyCell(ws, value=value)
    else:
        return value
    cell.number_format = FORMATS[column.kind]
    return cell


def write_xlsx(
    document: Document, *, progress: Callable[[int, int | None], None] | None = None
) -> bytes:
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    _describe(workbook, document, taken)
    done = 0
    for table in document.tables:
        ws = workbook.create_sheet(_sheet_title(table.title, taken))
        for index, column in enumerate(table.columns, start=1):
            width = column.width or max(WIDTHS[column.kind], min(len(column.label) + 2, 40))
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        header = []
        for column in table.columns:
            cell = WriteOnlyCell(ws, value=column.label)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            header.append(cell)
        ws.append(header)
        count = 0
        for row in table.rows:
            cells = zip(table.columns, row, strict=True)
            ws.append([_value(ws, column, value) for column, value in cells])
            count += 1
            if progress and count % PROGRESS_EVERY == 0:
                progress(done + count, table.size)
        done += count
        last = get_column_letter(len(table.columns))
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _describe(workbook: Workbook, document: Document, taken: set[str]) -> None:
    """The first sheet: what this file is, for whom, with which filters, and when."""
    ws = workbook.create_sheet(_sheet_title(_("Keterangan"), taken))
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 70
    title = WriteOnlyCell(ws, value=document.title)
    title.font = Font(bold=True, size=13)
    ws.append([title])
    ws.append([document.office])
    ws.append([])
    for label, value in document.filters:
        ws.append([label, value])
    printed = WriteOnlyCell(ws, value=timezone.localtime().replace(tzinfo=None))
    printed.number_format = FORMATS["datetime"]
    ws.append([_("Dibuat (WIB)"), printed])
    for note in document.notes:
        ws.append([_("Catatan"), note])
