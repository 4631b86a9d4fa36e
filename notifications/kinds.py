"""Kinds of message: what each says is a folder of templates plus the data it needs.

An app that sends messages registers its kinds here (in its AppConfig.ready), so the outbox
renders and delivers them without knowing the app: notifications sits below reports and
reminders and imports neither.

Templates of kind `k` live in `templates/messages/k/`:
* `subject.txt` — one line: the e-mail subject and the line in the portal's list;
* `body.txt` and `body.html` — the e-mail (the HTML extends `messages/email_base.html`);
* `whatsapp.txt` — the WhatsApp text, short enough for a phone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .models import Channel, Message

# Given the message, the template context; None when the reason for it is gone (it is then
# not sent: muted). The default passes the stored context through.
ContextLoader = Callable[[Message], dict | None]


def stored_context(message: Message) -> dict | None:
    return dict(message.context)


@dataclass(frozen=True)
class Kind:
    name: str
    channels: frozenset[str] = field(
        default_factory=lambda: frozenset({Channel.PORTAL, Channel.EMAIL})
    )
    load_context: ContextLoader = stored_context

    @property
    def template_dir(self) -> str:
        return f"messages/{self.name}"


_registry: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    _registry[kind.name] = kind
    return kind


def get(name: str) -> Kind:
    try:
        return _registry[name]
    except KeyError as error:
        raise LookupError(
            f"Unknown message kind {name!r}: register it in its app's ready()."
        ) from error


PASSWORD_RESET = "password_reset"


def register_account_kinds() -> None:
    from .accounts import password_reset_context

    register(
        Kind(
            PASSWORD_RESET,
            channels=frozenset({Channel.EMAIL}),
            load_context=password_reset_context,
        )
    )
