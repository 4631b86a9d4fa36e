from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

# A period as the API and its filters write it: "2026-10".
PERIOD_KEY = r"^\d{4}-(0[1-9]|1[0-2])$"


def period_key(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def parse_period_key(key: str) -> tuple[int, int]:
    """(2026, 10) from "2026-10" (already matched against PERIOD_KEY)."""
    year, month = key.split("-")
    return int(year), int(month)


def month_label(year: int, month: int) -> str:
    """'Oktober 2026', in the active language."""
    return f"{MONTHS[int(month)]} {year}"


class PeriodQuerySet(models.QuerySet):
    def open_on(self, day: datetime.date) -> PeriodQuerySet:
        """Periods whose month has ended by `day`: satker can report on them."""
        return self.filter(Q(year__lt=day.year) | Q(year=day.year, month__lt=day.month))


class ReportingPeriod(models.Model):
    """One month of reporting; its deadline is editable per period in admin."""

    year = models.PositiveSmallIntegerField(_("tahun"))
    month = models.PositiveSmallIntegerField(_("bulan"))
    deadline = models.DateField(
        _("batas waktu"), help_text=_("Laporan tepat waktu bila dikirim paling lambat tanggal ini.")
    )

    objects = PeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("periode pelaporan")
        verbose_name_plural = _("periode pelaporan")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(fields=["year", "month"], name="period_unique_month"),
            models.CheckConstraint(
                condition=Q(month__gte=1, month__lte=12), name="period_month_1_to_12"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        return period_key(self.year, self.month)

    @property
    def label(self) -> str:
        """'Oktober 2026', in the active language."""
        return month_label(self.year, self.month)

    @property
    def quarter(self) -> int:
        return (self.month - 1) // 3 + 1

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.year, self.month, 1)

    @property
    def last_day(self) -> datetime.date:
        next_month = self.first_day.replace(day=28) + datetime.timedelta(days=4)
        return next_month - datetime.timedelta(days=next_month.day)
