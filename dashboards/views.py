"""The province's dashboards: national view, province matrix, satker page, rankings, recap.

Each page loads its satker through `access` (404 outside scope), reads the filters from the
URL and renders; the figures come from `compliance` and `activity`, and the heavy part of
each page is a fragment cached per data version (`fragments`). Everyone who can open a page
sees the same satker in it (the whole province, or the whole nation), which is what makes
the fragment shareable between readers.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from satker.models import Level, Satker

from . import access, activity, charts
from .compliance import Calendar, national_matrix, province_matrix, regencies_below, this_period
from .compliance import filter_status as with_status
from .forms import DashboardFilter
from .fragments import CSRF_SLOT, cached_fragment


def _filters(request, calendar: Calendar) -> DashboardFilter:
    return DashboardFilter(request.GET, years=calendar.years, default_year=calendar.default_year)


def _fragment(request, name, satker, calendar, filters, template, build):
    def render():
        return render_to_string(template, {"filters": filters, "csrf_slot": CSRF_SLOT, **build()})

    return cached_fragment(
        request,
        name,
        satker_id=satker.pk,
        parts=[calendar.today, calendar.signature(filters.year), *filters.cache_parts()],
        render=render,
    )


def landing(request):
    """The reviewer's home: the nation for KPU RI, the province for a provincial reviewer."""
    home = access.dashboard_home(request.user)
    if home is None:
        raise Http404
    if home.level == Level.RI:
        return redirect("dashboards:national")
    return redirect("dashboards:province", code=home.code)


def national(request):
    nation = access.get_nation_for_user(request.user)
    calendar = Calendar.load(timezone.localdate())
    filters = _filters(request, calendar)

    def build():
        regencies = regencies_below(nation, request.user, filters.level)
        provinces = Satker.objects.visible_to(request.user).filter(level=Level.PROVINSI)
        return {
            "matrix": national_matrix(provinces, regencies, year=filters.year, calendar=calendar),
            "box": this_period(regencies, calendar=calendar),
            "office": nation,
        }

    fragment = _fragment(
        request, "nasional", nation, calendar, filters, "dashboards/_national.html", build
    )
    return render(
        request,
        "dashboards/national.html",
        {"office": nation, "filters": filters, "fragment": fragment},
    )


def province(request, code: str):
    office = access.get_province_for_user(request.user, code)
    calendar = Calendar.load(timezone.localdate())
    filters = _filters(request, calendar)

    def build():
        regencies = regencies_below(office, request.user, filters.level)
        shown = with_status(
            regencies, filters.state, filters.year, calendar.due_months(filters.year)
        )
        return {
            "matrix": province_matrix(shown, year=filters.year, calendar=calendar),
            "box": this_period(regencies, calendar=calendar),
            "office": office,
        }

    fragment = _fragment(
        request, "provinsi", office, calendar, filters, "dashboards/_province.html", build
    )
    return render(
        request,
        "dashboards/province.html",
        {
            "office": office,
            "filters": filters,
            "fragment": fragment,
            "sees_nation": access.sees_nation(request.user),
        },
    )


def satker_page(request, code: str):
    satker = access.get_regency_for_user(request.user, code)
    calendar = Calendar.load(timezone.localdate())
    filters = _filters(request, calendar)

    def build():
        one = Satker.objects.filter(pk=satker.pk)
        return {
            "satker": satker,
            "matrix": province_matrix(one, year=filters.year, calendar=calendar),
            "charts": charts.satker_charts(activity.trends(satker, filters.year)),
            "latest": activity.latest_state(satker),
        }

    fragment = _fragment(
        request, "satker", satker, calendar, filters, "dashboards/_satker.html", build
    )
    return render(
        request,
        "dashboards/satker.html",
        {
            "satker": satker,
            "filters": filters,
            "fragment": fragment,
            "sees_parent": access.sees_dashboards(request.user),
        },
    )


def rankings(request, code: str):
    office = access.get_office_for_user(request.user, code)
    calendar = Calendar.load(timezone.localdate())
    filters = _filters(request, calendar)

    def build():
        regencies = regencies_below(office, request.user, filters.level).select_related("parent")
        return {
            "office": office,
            "rows": activity.ranking(
                regencies, filters.span, metric=filters.metric, today=calendar.today
            ),
            "metric_label": activity.METRICS[filters.metric],
        }

    fragment = _fragment(
        request, "peringkat", office, calendar, filters, "dashboards/_rankings.html", build
    )
    return render(
        request,
        "dashboards/rankings.html",
        {"office": office, "filters": filters, "fragment": fragment},
    )


def recap(request, code: str, year: int):
    """The juknis recap from approved reports: of a province (or the nation), or of a satker."""
    satker = access.get_recap_satker_for_user(request.user, code)
    calendar = Calendar.load(timezone.localdate())
    query = request.GET.copy()
    if query.get("triwulan") and not query.get("periode"):  # links of the old recap page
        query["periode"] = f"tw{query['triwulan']}"
    query["tahun"] = str(year)
    filters = DashboardFilter(query, years=sorted({*calendar.years, year}), default_year=year)
    if satker.level in (Level.KABUPATEN, Level.KOTA):
        template, build = "dashboards/_recap_satker.html", lambda: _satker_recap(satker, filters)
    else:
        template = "dashboards/_recap_office.html"

        def build():
            return _office_recap(satker, filters, request.user, calendar)

    fragment = _fragment(request, "rekap", satker, calendar, filters, template, build)
    return render(
        request,
        "dashboards/recap.html",
        {"satker": satker, "filters": filters, "year": year, "fragment": fragment},
    )


def _satker_recap(satker, filters):
    approved = activity.approved_in(filters.span, satker)
    reports = list(activity.monthly_reports(satker, filters.span))
    return {
        "satker": satker,
        "reports": reports,
        "expected": len(filters.span.months),
        "breakdown": activity.breakdown(approved),
        "latest": activity.latest_state(satker),
    }


def _office_recap(office, filters, user, calendar):
    regencies = regencies_below(office, user)
    approved = activity.approved_in(filters.span).filter(satker__in=regencies)
    rows = activity.with_activity(
        regencies.select_related("parent"), filters.span, today=calendar.today
    ).order_by("parent__code", "code")
    return {
        "office": office,
        "span": filters.span,
        "rows": rows,
        "breakdown": activity.breakdown(approved),
        "institutions": activity.institutions(rows),
    }
