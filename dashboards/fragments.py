"""Rendered dashboard fragments, cached per data version, language and filters.

A fragment holds only what every reader of the page sees alike (no CSRF token, no name of
the user); the view renders the rest around it. Its key carries the version of the satker's
data (`reports.versions`, replaced by every workflow step once it commits), today's date
(a deadline passing changes the figures) and the periods' deadlines, so a change is visible
at once. FRAGMENT_SECONDS bounds the life of anything else (a satker renamed in admin).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reports.versions import versions_of

FRAGMENT_SECONDS = 10 * 60


def cached_fragment(name: str, *, satker_id: int, parts: list, render: Callable[[], str]) -> str:
    version = versions_of([satker_id])[satker_id]
    raw = "|".join(str(part) for part in [name, satker_id, get_language(), version, *parts])
    key = f"dasbor:{name}:{hashlib.sha1(raw.encode()).hexdigest()}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, FRAGMENT_SECONDS)
    return mark_safe(html)  # rendered by our own templates, autoescaped there
