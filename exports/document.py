"""What an export holds, independent of its format: titled tables of typed columns.

A kind builds a `Document`; the writers (`writers.xlsx`, `writers.pdf`) turn it into a file.
Rows are plain Python values (int, float, Decimal, date, datetime, str, None); a column's
`kind` says how the writers format them: real numbers and dates in Excel, Indonesian numbers
and dates in PDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    label: str
    kind: str = "text"  # text | int | percent | date | datetime
    width: int | None = None  # characters; None: from the label and kind


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: Iterable[Sequence]
    # How many rows to expect, when known before they are read: progress is reported on it.
    size: int | None = None


@dataclass
class Document:
    title: str
    office: str  # the heading: the KPU office the figures are about
    filters: list[tuple[str, str]]
    tables: list[Table]
    landscape: bool = False
    filename: str = "ekspor"
    notes: list[str] = field(default_factory=list)
