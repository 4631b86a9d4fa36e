"""Fonnte and the WhatsApp Cloud API, against a real HTTP server on this machine."""

import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

from notifications import services
from notifications.models import Channel, DeliveryAttempt, Message
from reports import services as reports

pytestmark = pytest.mark.django_db


class Gateway:
    """A local HTTP server that records each request and answers what the test set."""

    def __init__(self):
        self.requests = []
        self.answer = (200, {"status": True, "id": ["80012"]})
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                gateway.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                status, payload = gateway.answer
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway():
    server = Gateway()
    yield server
    server.close()


@pytest.fixture
def fonnte(settings, gateway):
    settings.WHATSAPP_BACKEND = "fonnte"
    settings.FONNTE_TOKEN = "token-fonnte-uji"
    settings.FONNTE_URL = f"{gateway.url}/send"
    return gateway


@pytest.fixture
def cloud(settings, gateway):
    settings.WHATSAPP_BACKEND = "cloud"
    settings.WHATSAPP_CLOUD_TOKEN = "token-cloud-uji"
    settings.WHATSAPP_CLOUD_PHONE_NUMBER_ID = "1093456789"
    settings.WHATSAPP_CLOUD_API_URL = gateway.url
    gateway.answer = (200, {"messages": [{"id": "wamid.HBgNNjI4MTIzNDU2Nzg5MA"}]})
    return gateway


@pytest.fixture
def returned_to_operator(operator_medan, reviewer_sumut, submitted_medan):
    """A report sent back to an operator who has a WhatsApp number: one message to send."""

    def make():
        operator_medan.whatsapp = "0812-3456-7890"
        operator_medan.full_clean()
        operator_medan.save()
        reports.return_report(
            report_id=submitted_medan.pk, user=reviewer_sumut, note="Tautan publikasi rusak."
        )
        return Message.objects.get(channel=Channel.WHATSAPP)

    return make


def deliver(message):
    services.deliver_due()
    message.refresh_from_db()
    return message


def test_fonnte_gets_the_number_text_and_token(fonnte, returned_to_operator):
    message = deliver(returned_to_operator())

    [request] = fonnte.requests
    assert request["path"] == "/send"
    assert request["headers"]["Authorization"] == "token-fonnte-uji"
    form = {key: values[0] for key, values in parse_qs(request["body"].decode()).items()}
    assert form["target"] == "6281234567890"
    assert form["countryCode"] == "62"
    assert "Laporan Oktober 2026 dikembalikan untuk diperbaiki." in form["message"]
    assert "Tautan publikasi rusak." in form["message"]
    assert message.status == Message.Status.SENT
    assert message.deliveries.get().provider_message_id == "80012"


def test_fonnte_down_is_retried_later(fonnte, returned_to_operator):
    fonnte.answer = (502, {"status": False, "reason": "bad gateway"})
    message = deliver(returned_to_operator())
    assert message.status == Message.Status.PENDING
    assert message.due_at > message.created_at
    assert message.deliveries.get().result == DeliveryAttempt.Result.RETRY
    assert "HTTP 502" in message.last_error


@pytest.mark.parametrize(
    "answer",
    [(400, {"reason": "bad request"}), (200, {"status": False, "reason": "invalid target"})],
)
def test_fonnte_refusal_is_not_retried(fonnte, returned_to_operator, answer):
    fonnte.answer = answer
    message = deliver(returned_to_operator())
    assert message.status == Message.Status.FAILED
    assert services.deliver_due() == 0
    assert len(fonnte.requests) == 1


def test_cloud_api_sends_the_approved_template_with_a_bearer_token(cloud, returned_to_operator):
    message = deliver(returned_to_operator())

    [request] = cloud.requests
    assert request["path"] == "/1093456789/messages"
    assert request["headers"]["Authorization"] == "Bearer token-cloud-uji"
    payload = json.loads(request["body"])
    assert payload["to"] == "6281234567890"
    assert payload["type"] == "template"
    assert payload["template"]["name"] == "bakohumas_pemberitahuan"
    assert payload["template"]["language"] == {"code": "id"}
    summary, link = payload["template"]["components"][0]["parameters"]
    assert summary["text"] == "Laporan Oktober 2026 dikembalikan untuk diperbaiki."
    assert link["text"].endswith(f"/laporan/{message.target_id}/")
    assert message.status == Message.Status.SENT
    assert message.deliveries.get().provider_message_id == "wamid.HBgNNjI4MTIzNDU2Nzg5MA"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ((503, {"error": {"message": "Service unavailable"}}), Message.Status.PENDING),
        ((429, {"error": {"message": "Too many messages"}}), Message.Status.PENDING),
        ((400, {"error": {"message": "Template name does not exist"}}), Message.Status.FAILED),
    ],
)
def test_cloud_api_retries_only_what_may_pass_later(cloud, returned_to_operator, answer, status):
    cloud.answer = answer
    assert deliver(returned_to_operator()).status == status


def test_nothing_goes_to_a_gateway_that_is_not_configured(settings, gateway, returned_to_operator):
    settings.WHATSAPP_BACKEND = "fonnte"
    settings.FONNTE_TOKEN = ""
    settings.FONNTE_URL = f"{gateway.url}/send"
    with pytest.raises(Message.DoesNotExist):
        returned_to_operator()
    services.deliver_due()
    assert gateway.requests == []


def test_fonnte_delivery_report_updates_the_attempt(client, settings, fonnte, returned_to_operator):
    settings.WHATSAPP_WEBHOOK_TOKEN = "rahasia-webhook"
    message = deliver(returned_to_operator())
    url = "/notifikasi/webhook/fonnte/"
    assert client.post(url + "?token=salah", {"id": "80012", "status": "read"}).status_code == 403
    assert client.post(url + "?token=rahasia-webhook", {"id": "80012", "status": "read"}).json()
    attempt = message.deliveries.get()
    assert (attempt.provider_status, attempt.provider_status_at is not None) == ("read", True)


def test_cloud_api_webhook_is_verified_and_signed(client, settings, cloud, returned_to_operator):
    settings.WHATSAPP_WEBHOOK_TOKEN = "rahasia-webhook"
    settings.WHATSAPP_CLOUD_APP_SECRET = "rahasia-aplikasi"
    message = deliver(returned_to_operator())
    url = "/notifikasi/webhook/whatsapp-cloud/"

    verify = {"hub.mode": "subscribe", "hub.verify_token": "rahasia-webhook", "hub.challenge": "42"}
    assert client.get(url, verify).content == b"42"
    assert client.get(url, {**verify, "hub.verify_token": "salah"}).status_code == 403

    body = json.dumps(
        {
            "entry": [
                {
                    "changes": [
                        {
                            "value": {
                                "statuses": [
                                    {"id": "wamid.HBgNNjI4MTIzNDU2Nzg5MA", "status": "delivered"}
                                ]
                            }
                        }
                    ]
                }
            ]
        }
    ).encode()
    signature = hmac.new(b"rahasia-aplikasi", body, hashlib.sha256).hexdigest()
    forged = client.post(
        url, body, content_type="application/json", headers={"X-Hub-Signature-256": "sha256=0"}
    )
    assert forged.status_code == 403
    signed = client.post(
        url,
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": f"sha256={signature}"},
    )
    assert signed.status_code == 200
    assert message.deliveries.get().provider_status == "delivered"
