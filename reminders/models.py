"""Reminder rules (configuration, edited in admin) and the claims that make each reminder
go out at most once."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Senin")),
    (1, _("Selasa")),
    (2, _("Rabu")),
    (3, _("Kamis")),
    (4, _("Jumat")),
]


def parse_days(text: str) -> list[int]:
    """'3,1' → [3, 1]: days before the deadline, largest first."""
    try:
        days = {int(part) for part in text.replace(" ", "").split(",") if part}
    except ValueError as error:
        raise ValidationError(
            _("Tulis jumlah hari dipisah koma, misalnya 3,1."), code="invalid_days"
        ) from error
    if any(day < 1 or day > 30 for day in days):
        raise ValidationError(_("Setiap jumlah hari antara 1 dan 30."), code="invalid_days")
    return sorted(days, reverse=True)


class ReminderSettings(models.Model):
    """The reminder rules: one row, with the defaults of the juknis routine."""

    days_before = models.CharField(
        _("hari sebelum batas waktu"),
        max_length=30,
        default="3,1",
        validators=[parse_days],
        help_text=_("H-3 dan H-1 ditulis 3,1. Kosongkan untuk tidak mengingatkan sebelumnya."),
        blank=True,
    )
    on_deadline = models.BooleanField(_("ingatkan pada hari batas waktu"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("ingatkan lagi tiap … hari selama terlambat"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("teruskan ke pimpinan setelah terlambat … hari"),
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    returned_after_days = models.PositiveSmallIntegerField(
        _("ingatkan laporan dikembalikan yang belum dikirim ulang setelah … hari"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("hari ringkasan mingguan untuk reviewer"), choices=WEEKDAYS, default=0
    )
    stop_after_days = models.PositiveSmallIntegerField(
        _("berhenti mengingatkan setelah terlambat … hari"),
        default=365,
        validators=[MinValueValidator(7)],
        help_text=_("Laporan yang lebih lama dari ini tetap tampil di ringkasan provinsi."),
    )
    use_whatsapp = models.BooleanField(
        _("kirim juga lewat WhatsApp"),
        default=True,
        help_text=_("Bila WhatsApp dikonfigurasi dan penerima mempunyai nomor."),
    )

    class Meta:
        verbose_name = _("aturan pengingat")
        verbose_name_plural = _("aturan pengingat")
        constraints = [
            models.CheckConstraint(condition=Q(pk=1), name="reminder_settings_single_row"),
        ]

    def __str__(self) -> str:
        return str(_("Aturan pengingat"))

    @classmethod
    def current(cls) -> ReminderSettings:
        rules, _created = cls.objects.get_or_create(pk=1)
        return rules

    @property
    def before_days(self) -> list[int]:
        return parse_days(self.days_before)

    @property
    def before_label(self) -> str:
        """'H-3, H-1': the days before the deadline as Indonesian offices write them."""
        return ", ".join(f"H-{day}" for day in self.before_days)


class Kind(models.TextChoices):
    BEFORE_DEADLINE = "before", _("sebelum batas waktu")
    DEADLINE = "deadline", _("hari batas waktu")
    OVERDUE = "overdue", _("terlambat")
    ESCALATION = "escalation", _("diteruskan ke pimpinan")
    RETURNED = "returned", _("dikembalikan, belum dikirim ulang")
    DIGEST = "digest", _("ringkasan mingguan reviewer")


# Kinds about a report not sent yet: a submission mutes them.
UNSENT_KINDS = (Kind.BEFORE_DEADLINE, Kind.DEADLINE, Kind.OVERDUE, Kind.ESCALATION)


class Reminder(models.Model):
    """The claim for one reminder: inserted before anything is written to the outbox, and
    unique, so however often the sweep runs, retries or overlaps, it goes out once."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    satker = models.ForeignKey(
        "satker.Satker", verbose_name=_("satker"), on_delete=models.CASCADE, related_name="+"
    )
    period = models.ForeignKey(
        "reports.ReportingPeriod",
        verbose_name=_("periode"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    due_date = models.DateField(_("jatuh tempo"))
    claimed_at = models.DateTimeField(_("diklaim"), default=timezone.now)
    sweep = models.UUIDField(_("sapuan"), db_index=True)
    muted_at = models.DateTimeField(
        _("dibatalkan"),
        null=True,
        blank=True,
        help_text=_("Alasannya hilang sebelum terkirim (laporan sudah dikirim)."),
    )

    class Meta:
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
        ordering = ["-due_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "satker", "period", "kind", "due_date"],
                condition=Q(period__isnull=False),
                name="reminder_once_per_recipient_satker_period_kind_day",
            ),
            # The weekly digest is about no single period (NULLs never clash in a unique key).
            models.UniqueConstraint(
                fields=["recipient", "satker", "kind", "due_date"],
                condition=Q(period__isnull=True),
                name="reminder_once_per_recipient_satker_kind_day",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["before", "deadline", "overdue", "escalation", "returned"])
                & Q(period__isnull=False)
                | Q(kind="digest", period__isnull=True),
                name="reminder_kind_matches_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient} ({self.due_date})"
