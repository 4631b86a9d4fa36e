from django.contrib import admin, messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from satker.admin import ViewOnlyMixin

from . import services
from .models import DeliveryAttempt, Message


class DeliveryAttemptInline(ViewOnlyMixin, admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    fields = [
        "started_at",
        "result",
        "error",
        "provider_message_id",
        "provider_status",
        "provider_status_at",
    ]


@admin.register(Message)
class MessageAdmin(ViewOnlyMixin, admin.ModelAdmin):
    list_display = ["created_at", "recipient", "channel", "kind", "status", "attempts", "sent_at"]
    list_filter = ["status", "channel", "kind", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["recipient__username", "recipient__email", "kind", "last_error"]
    list_select_related = ["recipient"]
    date_hierarchy = "created_at"
    fields = [
        "recipient",
        "channel",
        "kind",
        "status",
        "context",
        "target_type",
        "target_id",
        "created_at",
        "due_at",
        "sent_at",
        "read_at",
        "attempts",
        "last_error",
    ]
    inlines = [DeliveryAttemptInline]
    actions = ["send_again"]

    @admin.action(description=_("Kirim ulang pesan yang gagal"))
    def send_again(self, request, queryset):
        count = services.retry_now(message_ids=queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            gettext("%(count)d pesan dijadwalkan dikirim ulang dalam satu menit.")
            % {"count": count},
            messages.SUCCESS,
        )
