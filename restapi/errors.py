"""One error format for every API answer that is not a success.

    {"code": "not_found", "message": "…", "errors": []}

`code` is stable, for programs; `message` is for people, in the language of the request's
Accept-Language (Indonesian by default); `errors` lists what is wrong with each field of the
input, as {"field": "publications.0.url", "code": "invalid", "message": "…"} (`field` is
null for a rule about the whole input).
"""

from __future__ import annotations

import logging
import math

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    """The step is not allowed in the resource's present state (the workflow's message)."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"
    default_detail = gettext_lazy("Langkah ini tidak dapat dilakukan pada keadaan sekarang.")


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"
    default_detail = gettext_lazy(
        "Data ini sudah diubah sejak Anda membacanya (ETag berbeda). Ambil lagi, lalu ulangi."
    )


class PreconditionRequired(exceptions.APIException):
    status_code = 428  # RFC 6585
    default_code = "precondition_required"
    default_detail = gettext_lazy(
        "Sertakan header If-Match berisi ETag terakhir, agar perubahan orang lain tidak tertimpa."
    )


def _default_messages(exc) -> str | None:
    """Our wording for DRF's standard refusals (its own Indonesian catalogue is partial)."""
    if isinstance(exc, exceptions.NotFound):
        return _("Tidak ditemukan, atau di luar cakupan akun Anda.")
    if isinstance(exc, exceptions.NotAuthenticated):
        return _(
            "Sertakan token API (Authorization: Bearer …) atau masuk ke portal terlebih dahulu."
        )
    if isinstance(exc, exceptions.AuthenticationFailed):
        return _("Token API atau sesi tidak sah.")
    if isinstance(exc, exceptions.PermissionDenied):
        return _("Anda tidak berhak melakukan tindakan ini.")
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _("Metode ini tidak tersedia di alamat ini.")
    if isinstance(exc, exceptions.NotAcceptable):
        return _("API ini hanya menjawab dalam JSON (application/json).")
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _("Jenis isi permintaan ini tidak diterima di alamat ini.")
    if isinstance(exc, exceptions.ParseError):
        return _("Isi permintaan tidak dapat dibaca (JSON atau formulir tidak sah).")
    if isinstance(exc, exceptions.ValidationError):
        return _("Ada isian yang perlu diperbaiki; lihat daftar errors.")
    return None


def _message(exc: exceptions.APIException) -> str:
    if isinstance(exc, exceptions.Throttled):
        return _("Terlalu banyak permintaan. Coba lagi dalam %(wait)s detik.") % {
            "wait": exc.wait if exc.wait is not None else 60
        }
    detail = exc.detail
    custom = (
        isinstance(detail, str)
        and str(detail) != str(exc.default_detail)
        # DRF's own details for these are English and technical: ours instead.
        and not isinstance(
            exc,
            exceptions.MethodNotAllowed | exceptions.UnsupportedMediaType | exceptions.ParseError,
        )
    )
    if custom:
        return str(detail)
    return _default_messages(exc) or str(exc.default_detail)


def field_errors(detail, path=()) -> list[dict]:
    """DRF's nested validation detail as a flat list, each error with its field's path."""
    if isinstance(detail, dict):
        found = []
        for key, value in detail.items():
            key_path = path if key in ("non_field_errors", "__all__") else (*path, str(key))
            found += field_errors(value, key_path)
        return found
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [_field_error(item, path) for item in detail]
        found = []
        for index, item in enumerate(detail):
            found += field_errors(item, (*path, str(index)) if item else path)
        return found
    return [_field_error(detail, path)]


def _field_error(error, path) -> dict:
    return {
        "field": ".".join(path) or None,
        "code": getattr(error, "code", None) or "invalid",
        "message": str(error),
    }


def error_response(exc: exceptions.APIException) -> Response:
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))
    errors = []
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(exc.detail)
    code = exc.get_codes() if not isinstance(exc.detail, list | dict) else exc.default_code
    body = {"code": code, "message": _message(exc), "errors": errors}
    return Response(body, status=exc.status_code, headers=headers)


def is_api_request(request) -> bool:
    """Under /api/: answered in this format by middleware too, never with a page."""
    return request.path_info.startswith("/api/")


def plain_error(code: str, message: str, status: int) -> JsonResponse:
    """The same format, for middleware that answers before any API view runs."""
    return JsonResponse({"code": code, "message": message, "errors": []}, status=status)


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every refusal, and any failure, in the one format."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()  # never Django's text, which names the model
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        set_rollback()
        return error_response(exc)
    logger.error("API: kesalahan tak terduga", exc_info=exc)
    set_rollback()
    return Response(
        {
            "code": "server_error",
            "message": _("Terjadi kesalahan di server. Sudah dicatat; coba lagi nanti."),
            "errors": [],
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


class FieldErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="publications.0.url, ppid, …")
    code = serializers.CharField()
    message = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    """The body of every error answer."""

    code = serializers.CharField(help_text="not_found, invalid, conflict, throttled, …")
    message = serializers.CharField()
    errors = FieldErrorSerializer(many=True)
