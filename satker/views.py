from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from .models import Level, Role, Satker


def home(request):
    """Each role lands where its work is."""
    user = request.user
    if user.is_reviewer or (user.is_superuser and user.membership_or_none is None):
        return redirect("satker:list")
    if user.membership_or_none is not None:
        return redirect(user.membership.satker)
    return render(request, "satker/no_membership.html")


def get_satker_for_user(user, code: str) -> Satker:
    """The satker with `code` if `user` may see it; 404 otherwise, never 403."""
    return get_object_or_404(Satker.objects.visible_to(user).select_related("parent"), code=code)


def satker_list(request):
    level = request.GET.get("tingkat", "")
    satkers = (
        Satker.objects.visible_to(request.user)
        .regencies()
        .annotate(operator_count=Count("memberships", filter=Q(memberships__role=Role.OPERATOR)))
        .order_by("code")
    )
    if level in (Level.KABUPATEN, Level.KOTA):
        satkers = satkers.filter(level=level)
    return render(
        request,
        "satker/satker_list.html",
        {
            "satkers": satkers,
            "level": level,
            "levels": [(Level.KABUPATEN, Level.KABUPATEN.label), (Level.KOTA, Level.KOTA.label)],
        },
    )


def satker_detail(request, code):
    satker = get_satker_for_user(request.user, code)
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
