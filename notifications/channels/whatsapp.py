"""WhatsApp backends: console and locmem for development and tests, Fonnte and the official
WhatsApp Cloud API for real messages. Chosen by WHATSAPP_BACKEND."""

from __future__ import annotations

import requests
from django.conf import settings

from satker.phones import whatsapp_digits

from ..rendering import language_of
from . import PermanentError, TransientError

# A gateway that takes longer than this is treated as down for this attempt.
TIMEOUT_SECONDS = 15


def target_of(message) -> str:
    number = message.recipient.whatsapp_target()
    if not number:
        raise PermanentError("Penerima tidak mempunyai nomor WhatsApp (atau memilih tidak).")
    return number


class ConsoleBackend:
    """Prints each message to the worker's log: `make run` shows what would be sent."""

    configured = True

    def send(self, message, rendered) -> str:
        print(f"--- WhatsApp ke {target_of(message)} ---\n{rendered.text}\n---", flush=True)
        return f"console-{message.pk}"


# What the locmem backend "sent", for tests (like django.core.mail.outbox).
outbox: list[dict] = []


class LocmemBackend:
    configured = True

    def send(self, message, rendered) -> str:
        outbox.append({"to": target_of(message), "text": rendered.text, "message_id": message.pk})
        return f"locmem-{len(outbox)}"


def _post(url: str, **kwargs) -> requests.Response:
    try:
        response = requests.post(url, timeout=TIMEOUT_SECONDS, **kwargs)
    except (requests.ConnectionError, requests.Timeout) as error:
        raise TransientError(f"{type(error).__name__}: {error}") from error
    if response.status_code == 429 or response.status_code >= 500:
        raise TransientError(f"HTTP {response.status_code}: {response.text[:300]}")
    if response.status_code >= 400:
        raise PermanentError(f"HTTP {response.status_code}: {response.text[:300]}")
    return response


class FonnteBackend:
    """Fonnte (fonnte.com), the gateway most Indonesian offices use, through its `send` API."""

    def __init__(self):
        self.token = settings.FONNTE_TOKEN
        self.url = settings.FONNTE_URL

    @property
    def configured(self) -> bool:
        return bool(self.token)

    def send(self, message, rendered) -> str:
        response = _post(
            self.url,
            headers={"Authorization": self.token},
            data={
                "target": whatsapp_digits(target_of(message)),
                "message": rendered.text,
                "countryCode": "62",
            },
        )
        try:
            body = response.json()
        except ValueError as error:
            raise TransientError(f"Jawaban Fonnte bukan JSON: {response.text[:300]}") from error
        if not body.get("status"):
            # Fonnte answers 200 with status false for a bad token, number or device.
            raise PermanentError(f"Fonnte menolak: {body.get('reason') or body}")
        ids = body.get("id") or []
        return str(ids[0] if isinstance(ids, list) and ids else ids)


class CloudApiBackend:
    """The official WhatsApp Cloud API (Meta). Messages the portal starts must be approved
    templates: WHATSAPP_CLOUD_TEMPLATE has two body parameters, the one-line summary and the
    link, e.g. "Pemberitahuan Portal Bakohumas: {{1}} Buka: {{2}}"."""

    def __init__(self):
        self.token = settings.WHATSAPP_CLOUD_TOKEN
        self.phone_number_id = settings.WHATSAPP_CLOUD_PHONE_NUMBER_ID
        self.template = settings.WHATSAPP_CLOUD_TEMPLATE
        self.api_url = settings.WHATSAPP_CLOUD_API_URL.rstrip("/")

    @property
    def configured(self) -> bool:
        return bool(self.token and self.phone_number_id and self.template)

    def send(self, message, rendered) -> str:
        language = language_of(message)
        response = _post(
            f"{self.api_url}/{self.phone_number_id}/messages",
            headers={"Authorization": f"Bearer {self.token}"},
            json={
                "messaging_product": "whatsapp",
                "to": whatsapp_digits(target_of(message)),
                "type": "template",
                "template": {
                    "name": self.template,
                    "language": {"code": language},
                    "components": [
                        {
                            "type": "body",
                            "parameters": [
                                {"type": "text", "text": rendered.subject},
                                {"type": "text", "text": rendered.link or settings.SITE_URL},
                            ],
                        }
                    ],
                },
            },
        )
        try:
            return response.json()["messages"][0]["id"]
        except (ValueError, KeyError, IndexError) as error:
            raise TransientError(f"Jawaban Cloud API tak terbaca: {response.text[:300]}") from error
