"""What a message says, rendered from its kind's templates in the recipient's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from . import kinds
from .models import Channel, Message


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str = ""
    html: str = ""
    link: str = ""


def language_of(message: Message) -> str:
    return message.recipient.language or settings.LANGUAGE_CODE


def render(message: Message) -> Rendered | None:
    """The message for its channel, or None when its kind says there is nothing to say now."""
    kind = kinds.get(message.kind)
    with translation.override(language_of(message)):
        context = kind.load_context(message)
        if context is None:
            return None
        context = {
            **context,
            "recipient": message.recipient,
            "site_url": settings.SITE_URL,
            "link": settings.SITE_URL + message.link if message.link else "",
        }
        subject = _one_line(render_to_string(f"{kind.template_dir}/subject.txt", context))
        link = context["link"]
        if message.channel == Channel.EMAIL:
            return Rendered(
                subject=settings.EMAIL_SUBJECT_PREFIX + subject,
                text=render_to_string(f"{kind.template_dir}/body.txt", context),
                html=render_to_string(f"{kind.template_dir}/body.html", context),
                link=link,
            )
        if message.channel == Channel.WHATSAPP:
            text = render_to_string(f"{kind.template_dir}/whatsapp.txt", context)
            return Rendered(subject=subject, text=text.strip(), link=link)
        return Rendered(subject=subject, link=link)


def portal_line(message: Message) -> str:
    """The line shown in the portal's list, in the active language (the reader's own)."""
    kind = kinds.get(message.kind)
    return _one_line(render_to_string(f"{kind.template_dir}/subject.txt", dict(message.context)))


def _one_line(text: str) -> str:
    # A subject must be one line, however the template was wrapped.
    return " ".join(text.split())
