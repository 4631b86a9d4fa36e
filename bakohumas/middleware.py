import logging
import time

from django.conf import settings
from django.db import OperationalError, connection
from django.middleware import gzip
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import trans_real

from restapi.errors import is_api_request, plain_error
from uploads.checks import human_size

logger = logging.getLogger(__name__)


class LanguageMiddleware:
    """Bahasa Indonesia, unless the user picked another language in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office PCs
    and phones run an English browser: staff would get English pages they never asked for.
    The choice made with the footer's language switch lives in Django's language cookie and,
    for a signed-in user, on their account (e-mails and WhatsApp messages use it too).

    The REST API (/api/) is the exception: other systems have no footer and no cookie, so
    there the request's Accept-Language decides, and Indonesian when it names neither.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_api_request(request):
            language = accepted_language(request.headers.get("Accept-Language", ""))
            varies_on = "Accept-Language"
        else:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
            if language not in dict(settings.LANGUAGES):
                # On a new device: the language saved on the account, if signed in.
                user = getattr(request, "user", None)
                language = getattr(user, "language", "") or settings.LANGUAGE_CODE
            varies_on = "Cookie"
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, [varies_on])
        return response


class GZipMiddleware(gzip.GZipMiddleware):
    """Pages compressed for slow mobile data, except an API answer that carries an ETag: the
    compressed copy's ETag would be weakened (W/"…"), and If-Match only takes strong ones."""

    def process_response(self, request, response):
        if is_api_request(request) and response.has_header("ETag"):
            return response
        return super().process_response(request, response)


class RequestSizeLimitMiddleware:
    """Refuse a request bigger than REQUEST_MAX_BYTES by its Content-Length, before any of its
    body is read (nginx's client_max_body_size does the same in front, see the README)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            if is_api_request(request):
                message = _("Permintaan terlalu besar: paling besar %(limit)s.") % {
                    "limit": human_size(settings.ATTACHMENT_MAX_BYTES)
                }
                return plain_error("too_large", message, status=413)
            return render(
                request,
                "413.html",
                {"size": length, "limit": settings.ATTACHMENT_MAX_BYTES},
                status=413,
            )
        return self.get_response(request)


# Waits before each new try to reach the database: about 7 seconds in all, the time
# PostgreSQL takes to restart.
DATABASE_RETRY_WAITS = (0.25, 0.5, 1, 2, 3)


class DatabaseRetryMiddleware:
    """A request that arrives while the database restarts waits for it instead of failing.

    Only the connection at the start of the request is retried: a query that fails half-way
    is not repeated (it may have written), and the portal's error page says to try again
    (the report form keeps its copy in the browser).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for wait in (0, *DATABASE_RETRY_WAITS):
            time.sleep(wait)
            try:
                connection.close_if_health_check_failed()
                connection.ensure_connection()
                break
            except OperationalError:
                logger.warning("Basis data belum terjangkau; mencoba lagi dalam %s detik.", wait)
                connection.close()
        return self.get_response(request)


def accepted_language(header: str) -> str:
    """The first language of an Accept-Language header that the portal speaks, else 'id'."""
    supported = dict(settings.LANGUAGES)
    for code, _quality in trans_real.parse_accept_lang_header(header):
        base = code.split("-")[0].lower()
        if base in supported:
            return base
    return settings.LANGUAGE_CODE
