from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """Bahasa Indonesia, unless the user picked another language in the footer.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and many office PCs
    and phones run an English browser: staff would get English pages they never asked for.
    The choice made with the footer's language switch lives in Django's language cookie and,
    for a signed-in user, on their account (e-mails and WhatsApp messages use it too).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
