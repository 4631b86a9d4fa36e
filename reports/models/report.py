from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from satker.models import Role, Satker

from .periods import ReportingPeriod


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Menunggu verifikasi")
    RETURNED = "returned", _("Dikembalikan")
    APPROVED = "approved", _("Disetujui")


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


def deadline_end(deadline: datetime.date) -> datetime.datetime:
    """The first moment after the deadline day, in WIB: a report sent at 23:59 is on time."""
    next_day = deadline + datetime.timedelta(days=1)
    return datetime.datetime.combine(
        next_day, datetime.time.min, tzinfo=timezone.get_default_timezone()
    )


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> ReportQuerySet:
        """Reports of the satker `user` may see (the one scoping rule, from satker)."""
        return self.filter(satker__in=Satker.objects.visible_to(user))

    def awaiting_review(self) -> ReportQuerySet:
        return self.filter(status=Status.SUBMITTED).order_by("submitted_at")

    def for_period(self, period: ReportingPeriod) -> ReportQuerySet:
        return self.filter(period=period)


class Report(models.Model):
    """One satker's report for one month; its sections hang off it."""

    satker = models.ForeignKey(
        Satker, verbose_name=_("satker"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(
        ReportingPeriod, verbose_name=_("periode"), on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    first_submitted_at = models.DateTimeField(_("pertama dikirim"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("terakhir dikirim"), null=True, blank=True)
    late = models.BooleanField(
        _("terlambat"),
        null=True,
        help_text=_("Ditetapkan saat pertama dikirim: lewat batas waktu periode atau tidak."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("laporan bulanan")
        verbose_name_plural = _("laporan bulanan")
        ordering = ["-period__year", "-period__month", "satker__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["satker", "period"], name="report_one_per_satker_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker.short_name} — {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"pk": self.pk})

    def is_operator(self, user) -> bool:
        return user.is_operator_of(self.satker_id)

    def is_reviewer(self, user) -> bool:
        """A reviewer of the province (or of KPU RI) above this satker."""
        membership = user.membership_or_none
        if not (membership and membership.role == Role.REVIEWER and user.is_active):
            return False
        return membership.satker_id in self.satker.reviewing_satker_ids

    def can_edit(self, user) -> bool:
        return self.status in EDITABLE_STATUSES and self.is_operator(user)

    def can_withdraw(self, user) -> bool:
        return self.status == Status.SUBMITTED and self.is_operator(user)

    def can_review(self, user) -> bool:
        return self.status == Status.SUBMITTED and self.is_reviewer(user)

    def can_reopen(self, user) -> bool:
        return self.status == Status.APPROVED and user.is_superuser


class ReportEvent(models.Model):
    """One workflow step: who moved the report from which status to which, and why."""

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        related_name="report_events",
    )
    created_at = models.DateTimeField(_("waktu"), default=timezone.now)
    from_status = models.CharField(_("dari"), max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(_("menjadi"), max_length=10, choices=Status.choices)
    note = models.TextField(_("catatan"), blank=True)

    class Meta:
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        before = Status(self.from_status).label if self.from_status else "—"
        return f"{self.report}: {before} → {self.get_to_status_display()}"
