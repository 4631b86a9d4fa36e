from django import template

from ..rendering import portal_line

register = template.Library()


@register.simple_tag
def message_line(message) -> str:
    """The message's one line in the reader's language (rendered from its stored data)."""
    return portal_line(message)
