"""Who must sign in with a second step: the roles in TWO_FACTOR_REQUIRED_FOR."""

from django.conf import settings
from django_otp import devices_for_user

from satker import access as satker_access


def two_factor_required(user) -> bool:
    required = set(settings.TWO_FACTOR_REQUIRED_FOR)
    if "admin" in required and satker_access.is_admin(user):
        return True
    role = satker_access.role_of(user)
    return role is not None and role.value in required


def has_two_factor(user) -> bool:
    """A confirmed authenticator app (recovery codes alone do not count)."""
    return any(
        device.persistent_id.startswith("otp_totp.")
        for device in devices_for_user(user, confirmed=True)
    )
