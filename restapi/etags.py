"""ETag / If-Match: two systems cannot overwrite each other's changes silently.

A resource's ETag is its version, a string the resource's service compares under its row
lock; the view reads the client's If-Match and hands the version it names to the service.
"""

from django.utils.http import parse_etags, quote_etag

from .errors import PreconditionRequired


def etag(version: str) -> str:
    return quote_etag(version)


def if_match(request, *, required: bool) -> str | None:
    """The version named by If-Match: None when absent (428 instead if `required`) or `*`
    (any version: no check). Weak ETags (W/"…") never match: If-Match compares strongly
    (RFC 9110 §13.1.1)."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        if required:
            raise PreconditionRequired()
        return None
    if header == "*":
        return None
    for tag in parse_etags(header):
        if not tag.startswith("W/"):
            return tag.strip('"')
    return ""  # only weak or unreadable tags: matches no version
