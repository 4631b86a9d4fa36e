"""API tokens: made, revoked and recognised here, the one place that sees a token's secret.

A token reads `bkh_` followed by 43 random URL-safe characters (256 bits). Only the SHA-256
digest of the whole string is stored: enough to recognise it, useless to anyone who reads the
database. The first characters (the prefix) are kept to tell a person's tokens apart.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from satker.models import User

from .models import ApiToken

SECRET_PREFIX = "bkh_"
PREFIX_LENGTH = 12
# Writing last_used_at on every request would turn each read into a write; a minute's
# precision is enough to see whether a system still uses its token.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)
EXPIRY_CHOICES_DAYS = [30, 90, 180, 365]


class TokenError(Exception):
    """A token that cannot be made or changed; the message is for the user."""


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@transaction.atomic
def issue_token(
    *, user: User, name: str, expires_at: datetime.datetime, read_only: bool = False
) -> tuple[ApiToken, str]:
    """A new token for `user`, and its secret: shown once, never stored."""
    if not name.strip():
        raise TokenError(_("Beri nama token: sistem atau keperluannya."))
    if expires_at <= timezone.now():
        raise TokenError(_("Masa berlaku token harus di masa depan."))
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=secret[:PREFIX_LENGTH],
        digest=_digest(secret),
        read_only=read_only,
        expires_at=expires_at,
    )
    return token, secret


def expiry_after(days: int) -> datetime.datetime:
    """The end of the day `days` from today, WIB."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(
        day, datetime.time(23, 59, 59), tzinfo=timezone.get_current_timezone()
    )


@transaction.atomic
def revoke_token(*, token: ApiToken) -> ApiToken:
    """Revoke at once; the row stays, to show when it was revoked and last used."""
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    token.refresh_from_db(fields=["revoked_at"])
    return token


def user_for_secret(secret: str) -> tuple[User, ApiToken] | None:
    """The active user and usable token `secret` opens, or None; notes when it was used.

    One query (token, user, membership and satker together), and an update at most once a
    minute per token.
    """
    if not secret.startswith(SECRET_PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.usable(now)
        .select_related("user__membership__satker", "user__membership__division")
        .filter(digest=_digest(secret), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token
