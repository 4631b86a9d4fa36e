"""Who sees the reminder page: the province's reviewers (and admins), for their scope."""

from satker import access as satker_access
from satker.models import Satker

from .models import Reminder


def can_see_reminders(user) -> bool:
    return satker_access.sees_many_satker(user)


def reminders_visible_to(user):
    """Reminders about the satker in the user's scope, newest first."""
    return Reminder.objects.filter(satker__in=Satker.objects.visible_to(user)).order_by(
        "-claimed_at", "-pk"
    )
