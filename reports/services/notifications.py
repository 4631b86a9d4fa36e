"""The in-portal notification list: what a user has read."""

from django.utils import timezone

from satker.models import User

from ..models import Notification, Report


def mark_report_notifications_read(*, user: User, report: Report) -> int:
    """Opening a report reads the notices about it; returns how many were unread."""
    return (
        Notification.objects.filter(user=user, report=report)
        .unread()
        .update(read_at=timezone.now())
    )


def mark_all_notifications_read(*, user: User) -> int:
    return Notification.objects.filter(user=user).unread().update(read_at=timezone.now())
