from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread_notifications(request):
    """How many notifications the user has not read, for the menu (one query, when shown)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.membership_or_none is None:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.filter(user=user).unread().count()
        )
    }
