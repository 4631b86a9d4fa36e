from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from reports.models import ReportingPeriod

from . import access
from .models import ReminderSettings
from .state import outstanding

RECENT = 30


def reminder_page(request):
    """For reviewers: the message for the satker's WhatsApp group, and what went out."""
    if not access.can_see_reminders(request.user):
        raise Http404
    today = timezone.localdate()
    periods = list(ReportingPeriod.objects.open_on(today)[:6])
    period = _chosen(request, periods)
    group_text = ""
    if period is not None:
        [waiting] = outstanding(request.user, [period])
        group_text = render_to_string(
            "reminders/group_message.txt",
            {
                "row": waiting,
                "period": period,
                "today": today,
                "days_late": (today - period.deadline).days,
                "site_url": settings.SITE_URL,
            },
        ).strip()
    return render(
        request,
        "reminders/page.html",
        {
            "periods": periods,
            "period": period,
            "group_text": group_text,
            "rules": ReminderSettings.current(),
            "recent": access.reminders_visible_to(request.user).select_related(
                "satker", "period", "recipient"
            )[:RECENT],
        },
    )


def _chosen(request, periods):
    wanted = request.GET.get("periode", "")
    for period in periods:
        if f"{period.year}-{period.month:02d}" == wanted:
            return period
    return periods[0] if periods else None
