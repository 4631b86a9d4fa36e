"""Account security steps: the second sign-in step, recovery codes, sessions, preferences."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from satker.models import User

from .access import two_factor_required

RECOVERY_CODES = 10


class AccountError(Exception):
    """A step refused, with a message for the user."""


@transaction.atomic
def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """A new, not yet confirmed authenticator for the user (one at a time)."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)


@transaction.atomic
def confirm_totp(*, user: User, device_id: int, token: str) -> list[str]:
    """Confirm the authenticator with a code it shows; returns fresh recovery codes."""
    device = TOTPDevice.objects.filter(user=user, pk=device_id, confirmed=False).first()
    if device is None:
        raise AccountError(_("Pendaftaran ini sudah kedaluwarsa; mulai lagi."))
    if not device.verify_token(token):
        raise AccountError(
            _("Kode salah. Ketik 6 angka yang sedang tampil di aplikasi (berganti tiap 30 detik).")
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(user=user)


@transaction.atomic
def new_recovery_codes(*, user: User) -> list[str]:
    """Ten single-use codes for when the phone is lost; older codes stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="Kode cadangan", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [f"{secrets.randbelow(10**8):08d}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def disable_two_factor(*, user: User) -> None:
    if two_factor_required(user):
        raise AccountError(
            _("Peran Anda wajib memakai verifikasi dua langkah; ponselnya dapat diganti.")
        )
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def sign_out_other_devices(*, user: User) -> User:
    """End every session of the account; the caller keeps its own (update_session_auth_hash)."""
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    return user


@transaction.atomic
def update_preferences(*, user: User, whatsapp: str, whatsapp_opt_out: bool, language: str) -> User:
    """A user's own notification settings; the number is normalised to +62…"""
    user.whatsapp = whatsapp
    user.whatsapp_opt_out = whatsapp_opt_out
    user.language = language
    user.full_clean(
        exclude=[f.name for f in User._meta.fields if f.name not in ("whatsapp", "language")]
    )
    user.save(update_fields=["whatsapp", "whatsapp_opt_out", "language"])
    return user


def remember_language(*, user: User, language: str) -> None:
    """The language chosen with the switch also becomes the account's, for its messages."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
