"""Sessions that end, a second step where it is required, and pages never kept in a cache."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY

from restapi.errors import is_api_request, plain_error

from .sessions import TWO_FACTOR_STATE, two_factor_state

# Write the last-seen time at most this often: not a session save on every request.
LAST_SEEN_RESOLUTION = 60


class SessionLimitMiddleware:
    """A session ends after SESSION_IDLE_MINUTES without a request, or SESSION_COOKIE_AGE
    after sign-in, whichever comes first: office computers are shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            session = request.session
            signed_in_at = session.setdefault("signed_in_at", now)
            last_seen = session.setdefault("last_seen", now)
            idle = now - last_seen > settings.SESSION_IDLE_MINUTES * 60
            if idle or now - signed_in_at > settings.SESSION_COOKIE_AGE:
                logout(request)
                if is_api_request(request):
                    return self.get_response(request)  # now anonymous: the API answers 401
                messages.info(
                    request,
                    _("Sesi Anda berakhir karena lama tidak aktif. Silakan masuk lagi.")
                    if idle
                    else _("Sesi Anda sudah berakhir. Silakan masuk lagi."),
                )
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= LAST_SEEN_RESOLUTION:
                session["last_seen"] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password: the code from the authenticator app, for those who have one; the
    setup page first, for roles that must have one. Nothing else is served until then."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or getattr(view_func, "two_factor_exempt", False):
            return None
        if request.session.get(DEVICE_ID_SESSION_KEY):
            return None  # verified in this session (django_otp.login)
        state = request.session.get(TWO_FACTOR_STATE)
        if state is None:  # a session from before sign-in recorded it (accounts.sessions)
            state = request.session[TWO_FACTOR_STATE] = two_factor_state(user)
        if state in ("verify", "setup") and is_api_request(request):
            # A session half signed in reads nothing over the API either (tokens do not
            # pass here: DRF authenticates them in the view, after this middleware).
            message = _("Selesaikan verifikasi dua langkah di portal terlebih dahulu.")
            return plain_error("two_factor_required", message, status=403)
        if state == "verify":
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        if state == "setup":
            messages.info(
                request,
                _("Peran Anda wajib memakai verifikasi dua langkah; aktifkan untuk lanjut."),
            )
            return redirect("two_factor_setup")
        return None


def two_factor_exempt(view):
    """Served before the second step: the pages of the second step itself, signing out."""
    view.two_factor_exempt = True
    return view


class PrivatePagesMiddleware:
    """Pages of a signed-in user are never stored: on a shared office computer, Back after
    signing out must not show them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response
