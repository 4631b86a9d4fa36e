from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from uploads import ALLOWED_TYPES

from .report import Report


def attachment_path(instance, filename: str) -> str:
    # The stored name is generated: what users typed never reaches the file system.
    extension = ALLOWED_TYPES.get(instance.content_type, "bin")
    return f"lampiran/{instance.report.period.year}/{uuid.uuid4().hex}.{extension}"


class AttachmentQuerySet(models.QuerySet):
    def visible_to(self, user) -> AttachmentQuerySet:
        """Attachments of the reports `user` may see."""
        return self.filter(report__in=Report.objects.visible_to(user))


class Attachment(models.Model):
    """Lampiran: evidence for the report, downloaded only through a scoped view."""

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("berkas"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    content_type = models.CharField(_("jenis berkas"), max_length=100)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    description = models.CharField(_("keterangan"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diunggah oleh"), on_delete=models.PROTECT
    )
    uploaded_at = models.DateTimeField(_("diunggah"), default=timezone.now)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("reports:attachment", kwargs={"pk": self.pk})
