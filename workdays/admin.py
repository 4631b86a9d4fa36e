from django.contrib import admin
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .models import DayOff


@admin.register(DayOff)
class DayOffAdmin(admin.ModelAdmin):
    list_display = ["date", "weekday", "name"]
    search_fields = ["name"]
    date_hierarchy = "date"

    @admin.display(description=_("hari"))
    def weekday(self, obj):
        return date_format(obj.date, "l")
