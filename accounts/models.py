from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now) -> ApiTokenQuerySet:
        """Tokens that open the API at `now`: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A credential with which another system calls the REST API as `user`.

    The token acts with exactly its user's role and scope (and never more: a read-only token
    may only read). Only a SHA-256 digest of the secret is stored: the secret is shown once,
    when the token is made (`accounts.tokens.issue_token`), and cannot be recovered.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("nama token"),
        max_length=100,
        help_text=_("Sistem atau keperluannya, misalnya «Rekap KPU RI» atau «Aplikasi humas»."),
    )
    prefix = models.CharField(_("awalan"), max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    read_only = models.BooleanField(
        _("hanya baca"), default=False, help_text=_("Token hanya baca tidak dapat mengubah data.")
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("berlaku sampai"))
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
