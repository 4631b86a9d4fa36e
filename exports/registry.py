"""The kinds of export: each says what it needs, whose scope it reads, and builds a Document.

A later app adds its own kind without touching this app: it builds an `ExportKind` and calls
`register()` from its AppConfig.ready(). Every kind is checked against the user's scope when
the export is asked for and again when its file is downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.http import Http404

from .document import Document


@dataclass(frozen=True)
class ExportKind:
    name: str
    label: str
    formats: tuple[str, ...]
    # Normalise the request's fields into the job's params (unknown values → defaults).
    parse: Callable[[Mapping], dict]
    # Raise Http404 unless `user` may read what `params` describe; return the title.
    check_scope: Callable[[object, dict], str]
    # Too big to build inside a request: it goes to the worker with a progress bar.
    is_big: Callable[[object, dict], bool]
    build: Callable[[object, dict, str], Document]  # user, params, format


KINDS: dict[str, ExportKind] = {}


def register(kind: ExportKind) -> ExportKind:
    KINDS[kind.name] = kind
    return kind


def get_kind(name: str, format: str | None = None) -> ExportKind:
    kind = KINDS.get(name)
    if kind is None or (format is not None and format not in kind.formats):
        raise Http404
    return kind
