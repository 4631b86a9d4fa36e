"""The organisation: KPU offices (satker), their divisions, and the staff who work in them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .phones import normalize_whatsapp

# Kemendagri region codes: "12" a province, "12.71" a regency/city. KPU RI has "00".
satker_code_validator = RegexValidator(
    r"^\d{2}(\.\d{2})?$",
    _("Kode wilayah Kemendagri berbentuk 12 (provinsi) atau 12.71 (kabupaten/kota)."),
)


class WhatsAppField(models.CharField):
    """A WhatsApp number, stored as +62…: whatever the admin or the user typed is normalised
    when the form or model is cleaned (`phones.normalize_whatsapp`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalize_whatsapp(super().to_python(value) or "")


class Level(models.TextChoices):
    RI = "ri", _("KPU RI")
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")


class Role(models.TextChoices):
    OPERATOR = "operator", _("Operator satker")
    PIMPINAN = "pimpinan", _("Pimpinan satker")
    REVIEWER = "reviewer", _("Reviewer provinsi")


class SatkerQuerySet(models.QuerySet):
    def visible_to(self, user) -> SatkerQuerySet:
        """The satker `user` may see: the one place that decides scope (see `access`)."""
        # Imported here: access.py builds on these models.
        from .access import scope_filter

        scope = scope_filter(user)
        return self.none() if scope is None else self.filter(scope)

    def with_operator_count(self) -> SatkerQuerySet:
        """Annotate `operator_count`: a satker without an operator cannot report."""
        return self.annotate(
            operator_count=models.Count("memberships", filter=Q(memberships__role=Role.OPERATOR))
        )

    def regencies(self) -> SatkerQuerySet:
        """Kabupaten and kota: the offices that submit monthly reports."""
        return self.filter(level__in=[Level.KABUPATEN, Level.KOTA])


class Satker(models.Model):
    code = models.CharField(
        _("kode wilayah"), max_length=5, unique=True, validators=[satker_code_validator]
    )
    name = models.CharField(_("nama"), max_length=150)
    level = models.CharField(_("tingkat"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("satker induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    address = models.TextField(_("alamat"), blank=True)
    email = models.EmailField(_("e-mail resmi"), blank=True)
    whatsapp = WhatsAppField(
        _("nomor WhatsApp resmi"),
        help_text=_("Dipakai bila staf penerima pengingat tidak mencantumkan nomornya sendiri."),
    )

    objects = SatkerQuerySet.as_manager()

    class Meta:
        verbose_name = _("satker")
        verbose_name_plural = _("satker")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level=Level.RI, parent__isnull=True) | ~Q(level=Level.RI),
                name="satker_ri_has_no_parent",
                violation_error_message=_("KPU RI tidak mempunyai satker induk."),
            ),
            models.CheckConstraint(
                condition=~Q(level__in=[Level.KABUPATEN, Level.KOTA]) | Q(parent__isnull=False),
                name="satker_regency_has_parent",
                violation_error_message=_("KPU kabupaten/kota harus mempunyai satker induk."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("satker:detail", kwargs={"code": self.code})

    @property
    def short_name(self) -> str:
        """'Kota Medan' rather than 'KPU Kota Medan' where the context already says KPU."""
        return self.name.removeprefix("KPU ").strip()

    @property
    def brief_name(self) -> str:
        """'Kab. Nias', 'Kota Medan': for lists read on a phone (digests, WhatsApp groups)."""
        return self.short_name.replace("Kabupaten ", "Kab. ", 1)

    @property
    def reviewing_satker_ids(self) -> set[int]:
        """The offices whose reviewers review this one: its parent and grandparent.

        The mirror of `visible_to` for reviewers; needs `parent` loaded (select_related).
        """
        parent = self.parent
        return {parent.pk, parent.parent_id} - {None} if parent else set()

    def clean(self) -> None:
        expected_parent_level = {
            Level.PROVINSI: Level.RI,
            Level.KABUPATEN: Level.PROVINSI,
            Level.KOTA: Level.PROVINSI,
        }.get(self.level)
        if self.parent and self.parent.level != expected_parent_level:
            raise ValidationError(
                {
                    "parent": _(
                        "Satker induk untuk tingkat ini harus berada satu tingkat di atasnya."
                    )
                }
            )


class Division(models.Model):
    """A division or secretariat sub-section; data, because decrees rename and merge them."""

    class Kind(models.TextChoices):
        DIVISI = "divisi", _("Divisi")
        SUBBAGIAN = "subbagian", _("Subbagian sekretariat")

    satker = models.ForeignKey(
        Satker, verbose_name=_("satker"), on_delete=models.CASCADE, related_name="divisions"
    )
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.DIVISI)
    head_name = models.CharField(_("nama kepala/koordinator"), max_length=150, blank=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("divisi")
        verbose_name_plural = _("divisi")
        ordering = ["satker", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["satker", "name"], name="division_unique_per_satker"),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A portal account. Its place in the organisation is its `membership`."""

    whatsapp = WhatsAppField(_("nomor WhatsApp"))
    whatsapp_opt_out = models.BooleanField(
        _("tidak mau menerima WhatsApp"),
        default=False,
        help_text=_("Pemberitahuan dan pengingat tetap datang lewat e-mail dan portal."),
    )
    language = models.CharField(
        _("bahasa"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="id",
        help_text=_("Bahasa e-mail, WhatsApp dan pemberitahuan untuk pengguna ini."),
    )

    objects = UserManager()

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def membership_or_none(self) -> Membership | None:
        try:
            return self.membership
        except Membership.DoesNotExist:
            return None

    def whatsapp_target(self) -> str:
        """Where this user's WhatsApp messages go: their own number, else their satker's
        official number; '' when they opted out or neither is known."""
        if self.whatsapp_opt_out:
            return ""
        membership = self.membership_or_none
        return self.whatsapp or (membership.satker.whatsapp if membership else "")


class Membership(models.Model):
    """A user's place: one satker, optionally a division, and a role."""

    user = models.OneToOneField(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="membership"
    )
    satker = models.ForeignKey(
        Satker, verbose_name=_("satker"), on_delete=models.PROTECT, related_name="memberships"
    )
    division = models.ForeignKey(
        Division,
        verbose_name=_("divisi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
    )
    role = models.CharField(_("peran"), max_length=10, choices=Role.choices)
    position = models.CharField(
        _("jabatan"), max_length=150, blank=True, help_text=_("Misalnya Kasubag Teknis dan Hupmas.")
    )

    class Meta:
        verbose_name = _("keanggotaan satker")
        verbose_name_plural = _("keanggotaan satker")
        ordering = ["satker", "role", "user__username"]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} {self.satker.short_name}"

    def clean(self) -> None:
        errors = {}
        if self.division_id and self.satker_id and self.division.satker_id != self.satker_id:
            errors["division"] = _("Divisi harus milik satker yang sama.")
        if (
            self.role == Role.REVIEWER
            and self.satker_id
            and self.satker.level not in (Level.RI, Level.PROVINSI)
        ):
            errors["role"] = _("Reviewer hanya untuk staf KPU Provinsi atau KPU RI.")
        if errors:
            raise ValidationError(errors)


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, now) -> ApiTokenQuerySet:
        """Tokens that open the API at `now`: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ApiToken(models.Model):
    """A credential with which another system calls the REST API as `user`.

    The token acts with exactly its user's role and scope (and never more: a read-only token
    may only read). Only a SHA-256 digest of the secret is stored: the secret is shown once,
    when the token is made (`satker.tokens.issue_token`), and cannot be recovered.
    """

    user = models.ForeignKey(
        User, verbose_name=_("pengguna"), on_delete=models.CASCADE, related_name="api_tokens"
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
