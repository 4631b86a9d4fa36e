from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from satker.admin import ViewOnlyMixin
from workdays.admin import DayOffAdmin
from workdays.models import DayOff

from .deadlines import default_deadline, month_before
from .models import (
    Attachment,
    Report,
    ReportEvent,
    ReportingPeriod,
)

MONTH_CHOICES = list(MONTHS.items())


# Periods and days off -------------------------------------------------------------------


class ReportingPeriodForm(forms.ModelForm):
    class Meta:
        model = ReportingPeriod
        fields = ["year", "month", "deadline"]

    def clean(self):
        cleaned_data = super().clean()
        # On the change page year and month are read-only, so they come from the instance.
        year = cleaned_data.get("year") or self.instance.year
        month = cleaned_data.get("month") or self.instance.month
        deadline = cleaned_data.get("deadline")
        if year and month in range(1, 13) and deadline:
            last_day = ReportingPeriod(year=year, month=month).last_day
            if deadline <= last_day:
                self.add_error(
                    "deadline",
                    gettext("Batas waktu harus sesudah akhir bulan periode (%(day)s).")
                    % {"day": date_format(last_day)},
                )
        return cleaned_data


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    form = ReportingPeriodForm
    list_display = ["year", "month_label", "deadline_label", "report_count"]
    list_display_links = ["year", "month_label"]
    list_filter = ["year"]
    ordering = ["-year", "-month"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(report_count=Count("reports"))

    def get_readonly_fields(self, request, obj=None):
        # Reports hang off the period: moving it to another month would move them too.
        return ["year", "month"] if obj else []

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "month":
            kwargs["widget"] = forms.Select(choices=MONTH_CHOICES)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        """Year and month from the URL (?year=2027&month=3) or the month just ended."""
        initial = super().get_changeform_initial_data(request)
        fallback = month_before(timezone.localdate())
        try:
            year = int(initial.get("year", fallback[0]))
            month = int(initial.get("month", fallback[1]))
            deadline = default_deadline(year, month)
        except (ValueError, OverflowError):  # a hand-edited URL
            year, month = fallback
            deadline = default_deadline(year, month)
        return {**initial, "year": year, "month": month, "deadline": deadline}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        default = default_deadline(obj.year, obj.month)
        if obj.deadline != default:
            self.message_user(
                request,
                gettext(
                    "Batas waktu %(period)s: %(deadline)s, bukan batas waktu bawaan %(default)s."
                )
                % {
                    "period": obj.label,
                    "deadline": date_format(obj.deadline, "l, j F Y"),
                    "default": date_format(default, "l, j F Y"),
                },
                messages.WARNING,
            )

    @admin.display(description=_("bulan"), ordering="month")
    def month_label(self, obj):
        return MONTHS[obj.month]

    @admin.display(description=_("batas waktu"), ordering="deadline")
    def deadline_label(self, obj):
        return date_format(obj.deadline, "l, j F Y")

    @admin.display(description=_("jumlah laporan"), ordering="report_count")
    def report_count(self, obj):
        return obj.report_count


# The working-day calendar knows nothing of reports; its admin page warns here when a new day
# off falls on a period's deadline.
admin.site.unregister(DayOff)


@admin.register(DayOff)
class DayOffWithDeadlinesAdmin(DayOffAdmin):
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Deadlines are fixed when a period opens; a day off added later does not move them.
        for period in ReportingPeriod.objects.filter(deadline=obj.date):
            self.message_user(
                request,
                gettext(
                    "Batas waktu periode %(period)s jatuh pada hari libur ini dan tidak berubah "
                    "otomatis; ubahlah di Periode pelaporan bila perlu."
                )
                % {"period": period.label},
                messages.WARNING,
            )


# Reports: read-only ---------------------------------------------------------------------


class ReportEventInline(ViewOnlyMixin, admin.TabularInline):
    model = ReportEvent
    fields = ["created_at", "actor", "action", "from_status", "to_status", "note"]
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


@admin.register(Report)
class ReportAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["satker", "period", "status", "late", "first_submitted_at", "submitted_at"]
    list_filter = [
        "satker__level",
        ("satker", admin.RelatedOnlyFieldListFilter),
        "period",
        "status",
        "late",
    ]
    search_fields = ["satker__name", "satker__code"]
    list_select_related = ["satker", "period"]
    fields = [
        "satker",
        "period",
        "status",
        "late",
        "first_submitted_at",
        "submitted_at",
        "created_at",
        "updated_at",
    ]
    inlines = [ReportEventInline]
    # Reopening an approved report needs a reason, so it lives on the report's own page
    # ("Lihat di situs" here), where a superuser gets a form that calls
    # services.reopen_report and the step is recorded in the timeline.
    actions = []


@admin.register(ReportEvent)
class ReportEventAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["created_at", "report", "action", "to_status", "actor"]
    list_filter = ["action", "to_status", ("report__satker", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["report__satker__name", "report__satker__code", "actor__username", "note"]
    list_select_related = ["report__satker", "report__period", "actor"]
    date_hierarchy = "created_at"


@admin.register(Attachment)
class AttachmentAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["original_name", "report_label", "size_label", "uploaded_by", "uploaded_at"]
    search_fields = ["original_name", "description", "report__satker__name"]
    list_select_related = ["report__satker", "report__period", "uploaded_by"]
    # No link to the stored file: lampiran are downloaded only through the scoped view.
    fields = [
        "report_label",
        "original_name",
        "stored_name",
        "content_type",
        "size_label",
        "description",
        "uploaded_by",
        "uploaded_at",
    ]
    readonly_fields = ["report_label", "stored_name", "size_label"]

    @admin.display(description=_("laporan"), ordering="report")
    def report_label(self, obj):
        return str(obj.report)

    @admin.display(description=_("nama tersimpan"))
    def stored_name(self, obj):
        return obj.file.name

    @admin.display(description=_("ukuran"), ordering="size")
    def size_label(self, obj):
        return filesizeformat(obj.size)
