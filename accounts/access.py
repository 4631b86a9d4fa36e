"""Who must sign in with a second step (the roles in TWO_FACTOR_REQUIRED_FOR); whose API
tokens a person may see and revoke."""

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django_otp.plugins.otp_totp.models import TOTPDevice

from satker import access as satker_access

from .models import ApiToken


def two_factor_required(user) -> bool:
    required = set(settings.TWO_FACTOR_REQUIRED_FOR)
    if "admin" in required and satker_access.is_admin(user):
        return True
    role = satker_access.role_of(user)
    return role is not None and role.value in required


def has_two_factor(user) -> bool:
    """A confirmed authenticator app (recovery codes alone do not count)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# API tokens: each person manages their own (admins manage all of them in Django admin) -----


def tokens_of(user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user) if user.is_authenticated else ApiToken.objects.none()


def get_token_for_user(user, pk: int) -> ApiToken:
    """One of the user's own tokens; 404 for anyone else's."""
    return get_object_or_404(tokens_of(user), pk=pk)
