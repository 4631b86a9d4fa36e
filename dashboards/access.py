"""Who sees which dashboard: scope from `satker.access`, 404 outside it (never 403).

The province and national pages are for those who see many satker (reviewers, admins); a
satker's own page is for anyone who sees that satker, its operators included.
"""

from __future__ import annotations

from django.http import Http404

from satker import access as satker_access
from satker.models import Level, Satker


def sees_dashboards(user) -> bool:
    """The province's and the nation's pages: reviewers and admins."""
    return satker_access.sees_many_satker(user)


def sees_nation(user) -> bool:
    """KPU RI's national view: its reviewers and admins (no query: from the membership)."""
    office = satker_access.own_satker(user)
    in_ri = office is not None and office.level == Level.RI
    return satker_access.is_admin(user) or (in_ri and sees_dashboards(user))


def get_province_for_user(user, code: str) -> Satker:
    satker = satker_access.get_satker_for_user(user, code)
    if satker.level != Level.PROVINSI or not sees_dashboards(user):
        raise Http404
    return satker


def get_nation_for_user(user) -> Satker:
    """KPU RI, for its reviewers and for admins; 404 where the portal holds no KPU RI."""
    nation = Satker.objects.visible_to(user).filter(level=Level.RI).first()
    if nation is None or not sees_dashboards(user):
        raise Http404
    return nation


def get_office_for_user(user, code: str) -> Satker:
    """A province or KPU RI whose rankings and recap `user` may read."""
    satker = satker_access.get_satker_for_user(user, code)
    if satker.level not in (Level.PROVINSI, Level.RI) or not sees_dashboards(user):
        raise Http404
    return satker


def get_recap_satker_for_user(user, code: str) -> Satker:
    """A recap: a satker's own for whoever sees it; a province's or the nation's for reviewers."""
    satker = satker_access.get_satker_for_user(user, code)
    if satker.level in (Level.PROVINSI, Level.RI) and not sees_dashboards(user):
        raise Http404
    return satker


def get_regency_for_user(user, code: str) -> Satker:
    """A kabupaten/kota the user sees: its reviewers above and its own staff."""
    satker = satker_access.get_satker_for_user(user, code)
    if satker.level not in (Level.KABUPATEN, Level.KOTA):
        raise Http404
    return satker


def dashboard_home(user) -> Satker | None:
    """Where a reviewer lands: KPU RI's national view, else their (only) province."""
    if not sees_dashboards(user):
        return None
    visible = Satker.objects.visible_to(user)
    nation = visible.filter(level=Level.RI).first()
    if nation is not None:
        return nation
    provinces = list(visible.filter(level=Level.PROVINSI)[:2])
    return provinces[0] if len(provinces) == 1 else None


def get_compliance_satker_for_user(user, code: str) -> Satker:
    """A matrix over the API: a province's for reviewers above it (as its overview page), a
    kabupaten/kota's for whoever sees it (as its satker page)."""
    satker = satker_access.get_satker_for_user(user, code)
    if satker.level == Level.PROVINSI and sees_dashboards(user):
        return satker
    if satker.level in (Level.KABUPATEN, Level.KOTA):
        return satker
    raise Http404
