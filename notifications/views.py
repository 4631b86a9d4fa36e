import hashlib
import hmac
import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services

LIST_LENGTH = 50


def message_list(request):
    """The bell's list: the user's own in-portal messages, newest first."""
    messages = access.portal_messages_of(request.user)[:LIST_LENGTH]
    return render(request, "notifications/list.html", {"notifications": messages})


@require_POST
def mark_all_read(request):
    services.mark_all_read(user=request.user)
    return redirect("notifications:list")


# Delivery reports from WhatsApp gateways ---------------------------------------------------


@login_not_required
@csrf_exempt
@require_POST
def fonnte_webhook(request):
    """Fonnte's status webhook, checked by the shared token in its URL (?token=...)."""
    expected = settings.WHATSAPP_WEBHOOK_TOKEN
    if not expected or not hmac.compare_digest(request.GET.get("token", ""), expected):
        return HttpResponseForbidden()
    data = request.POST or _json(request)
    services.record_provider_status(
        provider_message_id=str(data.get("id", "")),
        status=str(data.get("status") or data.get("state") or ""),
    )
    return JsonResponse({"ok": True})


@login_not_required
@csrf_exempt
@require_http_methods(["GET", "POST"])
def cloud_api_webhook(request):
    """WhatsApp Cloud API: GET verifies the subscription, POST (signed) reports statuses."""
    if request.method == "GET":
        token = settings.WHATSAPP_WEBHOOK_TOKEN
        if token and hmac.compare_digest(request.GET.get("hub.verify_token", ""), token):
            return HttpResponse(request.GET.get("hub.challenge", ""))
        return HttpResponseForbidden()
    secret = settings.WHATSAPP_CLOUD_APP_SECRET.encode()
    signature = request.headers.get("X-Hub-Signature-256", "").removeprefix("sha256=")
    expected = hmac.new(secret, request.body, hashlib.sha256).hexdigest()
    if not secret or not hmac.compare_digest(signature, expected):
        return HttpResponseForbidden()
    for entry in _json(request).get("entry", []):
        for change in entry.get("changes", []):
            for status in change.get("value", {}).get("statuses", []):
                services.record_provider_status(
                    provider_message_id=str(status.get("id", "")),
                    status=str(status.get("status", "")),
                )
    return JsonResponse({"ok": True})


def _json(request) -> dict:
    try:
        data = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
