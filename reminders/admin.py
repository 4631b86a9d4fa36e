from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from satker.admin import ViewOnlyMixin

from .models import Reminder, ReminderSettings


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(admin.ModelAdmin):
    """One row of rules: the list goes straight to it."""

    list_display = [
        "__str__",
        "days_before",
        "on_deadline",
        "overdue_every_days",
        "escalate_after_days",
        "returned_after_days",
        "digest_weekday",
    ]

    def has_add_permission(self, request):
        return not ReminderSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        ReminderSettings.current()  # the defaults, written once, to be edited
        return super().changelist_view(request, extra_context)


@admin.register(Reminder)
class ReminderAdmin(ViewOnlyMixin, admin.ModelAdmin):
    """Each reminder claimed by the sweep; what was delivered is in the outbox."""

    list_display = ["due_date", "kind", "satker", "period", "recipient", "claimed_at", "muted"]
    list_filter = ["kind", ("muted_at", admin.EmptyFieldListFilter), "due_date", "period"]
    search_fields = ["satker__name", "satker__code", "recipient__username"]
    list_select_related = ["satker", "period", "recipient"]
    date_hierarchy = "due_date"

    @admin.display(description=_("dibatalkan"), boolean=True)
    def muted(self, obj):
        return obj.muted_at is not None
