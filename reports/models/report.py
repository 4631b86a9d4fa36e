from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from satker.models import Satker

from .periods import ReportingPeriod


class Status(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Menunggu verifikasi")
    RETURNED = "returned", _("Dikembalikan")
    APPROVED = "approved", _("Disetujui")


EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)


class Action(models.TextChoices):
    """What a step of the report's timeline did, worded as the timeline shows it."""

    CREATED = "created", _("membuat draf")
    SAVED = "saved", _("menyimpan draf")
    SUBMITTED = "submitted", _("mengirim laporan")
    RESUBMITTED = "resubmitted", _("mengirim ulang laporan")
    WITHDRAWN = "withdrawn", _("menarik kembali menjadi draf")
    RETURNED = "returned", _("mengembalikan untuk diperbaiki")
    APPROVED = "approved", _("menyetujui")
    REOPENED = "reopened", _("membuka kembali")
    ATTACHMENT_ADDED = "attachment_added", _("menambah lampiran")
    ATTACHMENT_REMOVED = "attachment_removed", _("menghapus lampiran")


# The steps that send a report back to its operator, with a note to act on.
SENDS_BACK = (Action.RETURNED, Action.REOPENED)


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
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="report_status_is_known"
            ),
            # Never sent: a draft with no submission times and no timeliness. Sent at least
            # once (a withdrawn report is a draft again): both times and `late` are kept.
            models.CheckConstraint(
                condition=Q(
                    status=Status.DRAFT,
                    first_submitted_at__isnull=True,
                    submitted_at__isnull=True,
                    late__isnull=True,
                )
                | Q(
                    first_submitted_at__isnull=False,
                    submitted_at__isnull=False,
                    submitted_at__gte=F("first_submitted_at"),
                    late__isnull=False,
                ),
                name="report_submission_recorded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.satker.short_name} — {self.period.label}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"pk": self.pk})

    # Rules about the report's own state; who may act on it is decided in reports.access.

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def is_submitted(self) -> bool:
        """Sent and waiting for a reviewer."""
        return self.status == Status.SUBMITTED

    @property
    def is_returned(self) -> bool:
        return self.status == Status.RETURNED

    @property
    def is_approved(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def is_editable(self) -> bool:
        """Its content can still change: a draft or a report returned for correction."""
        return self.status in EDITABLE_STATUSES

    @property
    def was_sent(self) -> bool:
        return self.first_submitted_at is not None

    @property
    def version(self) -> str:
        """Changes with every change of the report (every write moves `updated_at`): the
        REST API's ETag, compared by the services so no one overwrites a newer version."""
        since_epoch = self.updated_at - datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
        return f"{self.pk}-{since_epoch // datetime.timedelta(microseconds=1)}"


class ReportEventQuerySet(models.QuerySet):
    def with_actor(self) -> ReportEventQuerySet:
        return self.select_related("actor")

    def latest_return(self) -> ReportEvent | None:
        """The last time the report was sent back (returned or reopened), with its note."""
        return self.filter(action__in=SENDS_BACK).with_actor().order_by("created_at", "pk").last()


class ReportEvent(models.Model):
    """One step of the report's life: who did what, the status before and after, and why."""

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
    action = models.CharField(_("tindakan"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("dari"), max_length=10, choices=Status.choices, blank=True)
    to_status = models.CharField(_("menjadi"), max_length=10, choices=Status.choices)
    note = models.TextField(_("catatan"), blank=True)

    objects = ReportEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("riwayat laporan")
        verbose_name_plural = _("riwayat laporan")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["report", "action"], name="report_event_action_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=Action.values), name="report_event_action_is_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.get_action_display()}"

    @property
    def sends_back(self) -> bool:
        """The report went back to its operators (returned, or reopened by an admin)."""
        return self.action in SENDS_BACK

    @property
    def is_about_attachment(self) -> bool:
        """Evidence added or removed: the note holds the file's name, not a message."""
        return self.action in (Action.ATTACHMENT_ADDED, Action.ATTACHMENT_REMOVED)
