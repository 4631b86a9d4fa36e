from django.utils.functional import SimpleLazyObject

from . import access


def unread_notifications(request):
    """How many in-portal messages the user has not read, for the bell (one query, if shown)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: access.unread_count(user))}
