from django.db import models
from django.utils.translation import gettext_lazy as _


class DayOff(models.Model):
    """A day off on top of the national public holidays: cuti bersama, a local holiday."""

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("keterangan"), max_length=150)

    class Meta:
        verbose_name = _("hari libur tambahan")
        verbose_name_plural = _("hari libur tambahan (cuti bersama)")
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"
