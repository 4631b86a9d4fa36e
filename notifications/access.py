"""Messages are their recipient's own: nobody else sees them, not even a reviewer."""

from .models import Message


def portal_messages_of(user):
    """The user's in-portal list, newest first."""
    return Message.objects.filter(recipient=user).in_portal()


def unread_count(user) -> int:
    return Message.objects.filter(recipient=user).unread().count()
