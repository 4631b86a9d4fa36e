from django.shortcuts import redirect, render
from django.utils import timezone

from . import access
from .models import Level, Satker


def home(request):
    """Each role lands where its work is."""
    user = request.user
    if access.sees_overview(user):
        return redirect("dashboards:landing")
    satker = access.own_satker(user)
    if satker is not None:
        return redirect(satker)
    return render(request, "satker/no_membership.html")


def satker_list(request):
    level = request.GET.get("tingkat", "")
    satkers = Satker.objects.visible_to(request.user).regencies().with_operator_count()
    if level in (Level.KABUPATEN, Level.KOTA):
        satkers = satkers.filter(level=level)
    return render(
        request,
        "satker/satker_list.html",
        {
            "satkers": satkers.order_by("code"),
            "level": level,
            "levels": [(Level.KABUPATEN, Level.KABUPATEN.label), (Level.KOTA, Level.KOTA.label)],
        },
    )


def satker_detail(request, code):
    satker = access.get_satker_for_user(request.user, code)
    return render(
        request,
        "satker/satker_detail.html",
        {
            "satker": satker,
            "divisions": satker.divisions.all(),
            "staff": satker.memberships.select_related("user", "division").order_by(
                "role", "user__first_name", "user__username"
            ),
            "children": Satker.objects.visible_to(request.user).filter(parent=satker),
            "current_year": timezone.localdate().year,
        },
    )
