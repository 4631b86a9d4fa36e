"""Rendered dashboard fragments, cached per data version, language and filters.

A fragment holds only what every reader of the page sees alike (no CSRF token, no name of
the user); the view renders the rest around it. It is stored with the version of the satker's
data it was built from (`reports.versions`, replaced by every workflow step once it commits),
and used only while that version is current: one cache round trip reads both. Its key
carries today's date (a deadline passing changes the figures) and the periods' deadlines.
FRAGMENT_SECONDS bounds the life of anything else (a satker renamed in admin). A form in a
fragment (the export buttons) carries CSRF_SLOT, replaced by the reader's token on the way out.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.template.backends.utils import csrf_input
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from reports.versions import version_key, versions_of

FRAGMENT_SECONDS = 10 * 60
# Where a form in a fragment takes the reader's CSRF token, put in after the cache.
CSRF_SLOT = mark_safe("<!--csrf-->")


def cached_fragment(
    request, name: str, *, satker_id: int, parts: list, render: Callable[[], str]
) -> str:
    html = _cached(name, satker_id=satker_id, parts=parts, render=render)
    # Rendered by our own templates, autoescaped there; the token is Django's own input.
    return mark_safe(html.replace(CSRF_SLOT, str(csrf_input(request))))


def _cached(name: str, *, satker_id: int, parts: list, render: Callable[[], str]) -> str:
    raw = "|".join(str(part) for part in [name, satker_id, get_language(), *parts])
    key = f"dasbor:{name}:{hashlib.sha1(raw.encode()).hexdigest()}"
    found = cache.get_many([version_key(satker_id), key])
    version = found.get(version_key(satker_id)) or versions_of([satker_id])[satker_id]
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return stored[1]
    html = render()
    cache.set(key, (version, html), FRAGMENT_SECONDS)
    return html
