"""Where messages go, behind one interface like Django's e-mail backends.

A channel backend has `send(message, rendered) -> provider message id` and raises
`TransientError` (try again later: server down, timeout, 5xx) or `PermanentError` (stop:
invalid number, refused request, 4xx). The outbox records each attempt either way.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string


class DeliveryError(Exception):
    """The channel did not take the message."""


class TransientError(DeliveryError):
    """Worth trying again later."""


class PermanentError(DeliveryError):
    """Trying again would fail the same way."""


WHATSAPP_BACKENDS = {
    "console": "notifications.channels.whatsapp.ConsoleBackend",
    "locmem": "notifications.channels.whatsapp.LocmemBackend",
    "fonnte": "notifications.channels.whatsapp.FonnteBackend",
    "cloud": "notifications.channels.whatsapp.CloudApiBackend",
}


def whatsapp_backend():
    """The configured WhatsApp backend, or None when WhatsApp is off."""
    name = settings.WHATSAPP_BACKEND
    if not name or name == "none":
        return None
    return import_string(WHATSAPP_BACKENDS.get(name, name))()


def whatsapp_enabled() -> bool:
    backend = whatsapp_backend()
    return backend is not None and backend.configured


def backend_for(channel: str):
    from ..models import Channel
    from .email import EmailBackend

    if channel == Channel.EMAIL:
        return EmailBackend()
    if channel == Channel.WHATSAPP:
        backend = whatsapp_backend()
        if backend is None or not backend.configured:
            raise PermanentError("WhatsApp tidak dikonfigurasi (WHATSAPP_BACKEND).")
        return backend
    raise PermanentError(f"Saluran {channel!r} tidak dikirim lewat kotak keluar.")
