"""Data versions of each satker's reports: what cached dashboard fragments are keyed on.

Every step that changes a report goes through the workflow's `_record`, which calls
`report_changed`. Once the step's transaction commits, the version of the report's satker and
of the offices above it (its province, KPU RI) is replaced by a new random token, so a
fragment cached under the old one is never read again and the change shows at once. Bumping
only after the commit matters: a page rendered between the bump and the commit would cache
the old data under the new version. Saving a draft and its evidence bump nothing: no
dashboard shows a draft's content.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction


def version_key(satker_id: int) -> str:
    return f"versi-data:satker:{satker_id}"


def versions_of(satker_ids: Iterable[int]) -> dict[int, str]:
    """The current version of each satker's data (a new token for one never seen)."""
    ids = list(satker_ids)
    found = cache.get_many([version_key(pk) for pk in ids])
    versions = {}
    for pk in ids:
        version = found.get(version_key(pk))
        if version is None:
            # `add` keeps a token another process set meanwhile: then read back the winner.
            token = uuid.uuid4().hex
            added = cache.add(version_key(pk), token, timeout=None)
            version = token if added else cache.get(version_key(pk))
        versions[pk] = version
    return versions


def bump_versions(satker_ids: Iterable[int]) -> None:
    cache.set_many({version_key(pk): uuid.uuid4().hex for pk in satker_ids}, timeout=None)


# Steps that change only a draft's content or its evidence: the dashboards show a report's
# status and the content of approved reports, so these leave every cached page as it was.
UNSEEN = {"saved", "attachment_added", "attachment_removed"}


def report_changed(report, action: str) -> None:
    """After the current transaction commits, the report's satker and its parents change."""
    if action in UNSEEN:
        return

    def bump():
        satker = report.satker
        bump_versions({satker.pk} | satker.reviewing_satker_ids)

    transaction.on_commit(bump)
