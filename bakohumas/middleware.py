from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import trans_real


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
        if request.path_info.startswith("/api/"):
            return self._api(request)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if language not in dict(settings.LANGUAGES):
            # On a new device: the language saved on the account, if signed in.
            user = getattr(request, "user", None)
            language = getattr(user, "language", "") or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Cookie"])
        return response

    def _api(self, request):
        language = accepted_language(request.headers.get("Accept-Language", ""))
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language"])
        return response


def accepted_language(header: str) -> str:
    """The first language of an Accept-Language header that the portal speaks, else 'id'."""
    supported = dict(settings.LANGUAGES)
    for code, _quality in trans_real.parse_accept_lang_header(header):
        base = code.split("-")[0].lower()
        if base in supported:
            return base
    return settings.LANGUAGE_CODE
