from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST

from . import access, services, tokens
from .forms import ApiTokenForm, PreferencesForm
from .models import Level, Satker


def home(request):
    """Each role lands where its work is."""
    user = request.user
    if access.sees_overview(user):
        return redirect("satker:list")
    satker = access.own_satker(user)
    if satker is not None:
        return redirect(satker)
    return render(request, "satker/no_membership.html")


def satker_list(request):
    level = request.GET.get("tingkat", "")
    satkers = Satker.objects.visible_to(request.user).regencies().with_operator_count()
    if level in (Level.KABUPATEN, Level.KOTA):
        satkers = satkers.filter(level=level)
    return render(
        request,
        "satker/satker_list.html",
        {
            "satkers": satkers.order_by("code"),
            "level": level,
            "levels": [(Level.KABUPATEN, Level.KABUPATEN.label), (Level.KOTA, Level.KOTA.label)],
        },
    )


def satker_detail(request, code):
    satker = access.get_satker_for_user(request.user, code)
    return render(
        request,
        "satker/satker_detail.html",
        {
            "satker": satker,
            "divisions": satker.divisions.all(),
            "staff": satker.memberships.select_related("user", "division").order_by(
                "role", "user__first_name", "user__username"
            ),
            "children": Satker.objects.visible_to(request.user).filter(parent=satker),
            "current_year": timezone.localdate().year,
        },
    )


def account(request):
    """Akun saya: who I am here, and how the portal reaches me."""
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(user=request.user, **form.cleaned_data)
        with translation.override(form.cleaned_data["language"]):  # said in the new language
            messages.success(request, _("Pengaturan pemberitahuan tersimpan."))
        response = redirect("account")
        # The page follows the language chosen for the messages.
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, form.cleaned_data["language"])
        return response
    return render(
        request,
        "satker/account.html",
        {
            "form": form,
            "membership": request.user.membership_or_none,
            **_api_tokens_context(request.user),
        },
    )


# API tokens on Akun saya (the section's own template: satker/includes/api_tokens.html) ------


def _api_tokens_context(user, form=None) -> dict:
    return {"api_tokens": access.tokens_of(user), "api_token_form": form or ApiTokenForm()}


@require_POST
def create_api_token(request):
    """Make a token and show its secret, once, on a page that is never cached or kept."""
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Token belum dibuat: periksa isiannya."))
        return redirect("account")
    token, secret = tokens.issue_token(
        user=request.user,
        name=form.cleaned_data["name"],
        read_only=form.cleaned_data["read_only"],
        expires_at=tokens.expiry_after(form.cleaned_data["expires_in_days"]),
    )
    response = render(request, "satker/api_token_created.html", {"token": token, "secret": secret})
    add_never_cache_headers(response)
    return response


@require_POST
def revoke_api_token(request, pk: int):
    token = access.get_token_for_user(request.user, pk)
    tokens.revoke_token(token=token)
    messages.success(request, _("Token «%(name)s» dicabut.") % {"name": token.name})
    return redirect("account")


@login_not_required  # the switch is on the login page too
def set_language(request):
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated:
        services.remember_language(user=request.user, language=language)
    return response
