import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import access, services, tokens
from .access import has_two_factor, two_factor_required
from .forms import ApiTokenForm, CodeForm, PreferencesForm
from .middleware import two_factor_exempt
from .sessions import TWO_FACTOR_STATE


def account(request):
    """Akun saya: who I am here, how the portal reaches me, how I sign in, my API tokens."""
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(user=request.user, **form.cleaned_data)
        with translation.override(form.cleaned_data["language"]):  # said in the new language
            messages.success(request, _("Pengaturan pemberitahuan tersimpan."))
        response = redirect("account")
        # The page follows the language chosen for the messages.
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.cleaned_data["language"],
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return _account_page(request, form=form)


def _account_page(request, *, form=None, token_form=None, status=200):
    return render(
        request,
        "accounts/account.html",
        {
            "form": form or PreferencesForm(instance=request.user),
            "membership": request.user.membership_or_none,
            "has_two_factor": has_two_factor(request.user),
            "two_factor_required": two_factor_required(request.user),
            "api_tokens": access.tokens_of(request.user),
            "api_token_form": token_form or ApiTokenForm(),
        },
        status=status,
    )


# API tokens on Akun saya (the section's own template: accounts/includes/api_tokens.html) ----


@require_POST
def create_api_token(request):
    """Make a token and show its secret, once, on a page that is never cached or kept."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        # The page again, with what was typed and what to fix.
        return _account_page(request, token_form=form, status=400)
    token, secret = tokens.issue_token(
        user=request.user,
        name=form.cleaned_data["name"],
        read_only=form.cleaned_data["read_only"],
        expires_at=tokens.expiry_after(form.cleaned_data["expires_in_days"]),
    )
    response = render(
        request, "accounts/api_token_created.html", {"token": token, "secret": secret}
    )
    add_never_cache_headers(response)
    return response


@require_POST
def revoke_api_token(request, pk: int):
    token = access.get_token_for_user(request.user, pk)
    tokens.revoke_token(token=token)
    messages.success(request, _("Token «%(name)s» dicabut.") % {"name": token.name})
    return redirect("account")


@login_not_required  # the switch is on the login page too
@two_factor_exempt
def set_language(request):
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated:
        services.remember_language(user=request.user, language=language)
    return response


# The second step --------------------------------------------------------------------------


@two_factor_exempt
def two_factor_setup(request):
    """Scan the QR code with an authenticator app, then type the code it shows."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device_id = request.session.get("otp_setup_device")
        try:
            codes = services.confirm_totp(
                user=request.user, device_id=device_id, token=form.cleaned_data["code"]
            )
        except services.AccountError as error:
            form.add_error("code", str(error))
        else:
            otp_login(request, TOTPDevice.objects.get(pk=device_id))
            request.session.pop(TWO_FACTOR_STATE, None)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": True})
    if request.method != "POST" or "otp_setup_device" not in request.session:
        device = services.start_totp_enrolment(user=request.user)
        request.session["otp_setup_device"] = device.pk
    else:
        device = TOTPDevice.objects.get(pk=request.session["otp_setup_device"])
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, dark="#212529", light="#ffffff", title=_("Kode QR verifikasi dua langkah")
            ),
            "secret": _grouped(device.bin_key),
            "required": two_factor_required(request.user),
        },
    )


def _grouped(key: bytes) -> str:
    """The secret as the apps ask for it when typed by hand: base32, in groups of four."""
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@two_factor_exempt
def two_factor_verify(request):
    """Sign-in, second step: the code from the app, or a recovery code."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code", _("Kode salah atau sudah dipakai. Periksa jam di ponsel, lalu coba lagi.")
            )
        else:
            otp_login(request, device)
            request.session.pop(TWO_FACTOR_STATE, None)
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
                target = settings.LOGIN_REDIRECT_URL
            return redirect(target)
    return render(request, "accounts/two_factor_verify.html", {"form": form})


@require_POST
def recovery_codes(request):
    if not has_two_factor(request.user):
        return redirect("two_factor_setup")
    codes = services.new_recovery_codes(user=request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": False})


@require_POST
def two_factor_disable(request):
    try:
        services.disable_two_factor(user=request.user)
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        request.session.pop(TWO_FACTOR_STATE, None)
        messages.success(request, _("Verifikasi dua langkah dimatikan."))
    return redirect("account")


@require_POST
def sign_out_other_devices(request):
    user = services.sign_out_other_devices(user=request.user)
    update_session_auth_hash(request, user)  # this session stays; every other one ends
    messages.success(request, _("Anda sudah keluar dari semua perangkat lain."))
    return redirect("account")


# Refusals, in the portal's own words -------------------------------------------------------


def locked_out(request, original_response=None, credentials=None):
    """django-axes: too many wrong passwords for this account from this address."""
    until = timezone.localtime() + settings.AXES_COOLOFF_TIME
    return render(
        request,
        "registration/locked_out.html",
        {"until": until, "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
        status=429,
    )


@login_not_required
def csrf_failure(request, reason=""):
    """A form sent after its page expired (or from elsewhere): say what to do."""
    return render(request, "403_csrf.html", status=403)
