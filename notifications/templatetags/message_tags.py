import datetime

from django import template

from ..rendering import portal_line

register = template.Library()


@register.simple_tag
def message_line(message) -> str:
    """The message's one line in the reader's language (rendered from its stored data)."""
    return portal_line(message)


@register.filter
def as_date(value):
    """A date kept in a message's data as ISO text ('2026-11-10'), back as a date."""
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value
