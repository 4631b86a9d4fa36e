"""The outbox: every message to a person, and every attempt to deliver it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PORTAL = "portal", _("Portal")
    EMAIL = "email", _("E-mail")
    WHATSAPP = "whatsapp", _("WhatsApp")


class MessageQuerySet(models.QuerySet):
    def in_portal(self) -> MessageQuerySet:
        return self.filter(channel=Channel.PORTAL)

    def unread(self) -> MessageQuerySet:
        return self.in_portal().filter(read_at__isnull=True)

    def about(self, target_type: str, target_id: int) -> MessageQuerySet:
        return self.filter(target_type=target_type, target_id=target_id)

    def due(self, now) -> MessageQuerySet:
        """Waiting for delivery and due now."""
        return self.filter(status=Message.Status.PENDING, due_at__lte=now)

    def abandoned(self, now) -> MessageQuerySet:
        """Claimed by a worker that has not finished long after any task's time limit: dead."""
        return self.filter(
            status=Message.Status.SENDING,
            claimed_at__lt=now - datetime.timedelta(seconds=settings.OUTBOX_CLAIM_TIMEOUT),
        )


class Message(models.Model):
    """One message to one person on one channel, written in the transaction that causes it.

    What it says is rendered when it is delivered (e-mail, WhatsApp) or shown (portal), in
    the recipient's language, from `kind` and `context` (plain data, no rendered text).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("menunggu dikirim")
        SENDING = "sending", _("sedang dikirim")
        SENT = "sent", _("terkirim")
        FAILED = "failed", _("gagal")
        MUTED = "muted", _("dibatalkan: tidak perlu lagi")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    kind = models.CharField(_("jenis"), max_length=40)
    context = models.JSONField(_("isi (data)"), default=dict, blank=True)
    # What the message is about, e.g. ("report", 12): links and "read when opened".
    target_type = models.CharField(_("tentang"), max_length=30, blank=True)
    target_id = models.PositiveBigIntegerField(_("id yang dimaksud"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    due_at = models.DateTimeField(_("jadwal kirim"), default=timezone.now)
    claimed_at = models.DateTimeField(_("diambil pekerja"), null=True, blank=True)
    sent_at = models.DateTimeField(_("terkirim"), null=True, blank=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("jumlah percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("pesan")
        verbose_name_plural = _("kotak keluar (pesan)")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "channel", "read_at"], name="message_inbox_idx"),
            models.Index(fields=["status", "due_at"], name="message_due_idx"),
            models.Index(fields=["target_type", "target_id"], name="message_target_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["pending", "sending", "sent", "failed", "muted"]),
                name="message_status_is_known",
            ),
            models.CheckConstraint(
                condition=Q(channel__in=["portal", "email", "whatsapp"]),
                name="message_channel_is_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient} ({self.get_channel_display()})"

    @property
    def link(self) -> str:
        """The page the message points to (a path inside the portal)."""
        return self.context.get("path", "")


class DeliveryAttempt(models.Model):
    """One try at handing a message to its channel: when, what came back, and why not."""

    class Result(models.TextChoices):
        SENT = "sent", _("diterima saluran")
        RETRY = "retry", _("gagal sementara, dicoba lagi")
        FAILED = "failed", _("gagal tetap")

    message = models.ForeignKey(
        Message, verbose_name=_("pesan"), on_delete=models.CASCADE, related_name="deliveries"
    )
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    result = models.CharField(_("hasil"), max_length=10, choices=Result.choices)
    provider_message_id = models.CharField(_("id pesan di penyedia"), max_length=200, blank=True)
    error = models.TextField(_("galat"), blank=True)
    # What the gateway reported afterwards through its webhook (delivered, read, failed).
    provider_status = models.CharField(_("status dari penyedia"), max_length=30, blank=True)
    provider_status_at = models.DateTimeField(_("waktu status penyedia"), null=True, blank=True)

    class Meta:
        verbose_name = _("percobaan kirim")
        verbose_name_plural = _("percobaan kirim")
        ordering = ["started_at", "pk"]
        indexes = [
            models.Index(fields=["provider_message_id"], name="delivery_provider_id_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.message} — {self.get_result_display()}"


class PasswordResetRequest(models.Model):
    """Someone asked for a reset link for this address. Written by the request without
    looking the address up (so the answer takes the same time whether or not an account has
    it); the worker finds the accounts and sends the e-mails."""

    email = models.EmailField(_("e-mail"))
    created_at = models.DateTimeField(_("diminta"), default=timezone.now)
    processed_at = models.DateTimeField(_("diproses"), null=True, blank=True)

    class Meta:
        verbose_name = _("permintaan kata sandi baru")
        verbose_name_plural = _("permintaan kata sandi baru")
        indexes = [models.Index(fields=["processed_at"], name="reset_request_pending_idx")]

    def __str__(self) -> str:
        return self.email
