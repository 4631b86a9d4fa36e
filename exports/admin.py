from django.contrib import admin

from .models import ExportJob


@admin.register(ExportJob)
class ExportJobAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "format", "status", "progress", "created_at", "finished_at"]
    list_filter = ["status", "format", "kind"]
    list_select_related = ["user"]
    search_fields = ["title", "user__username"]
    readonly_fields = [field.name for field in ExportJob._meta.fields]

    def has_add_permission(self, request):
        return False
