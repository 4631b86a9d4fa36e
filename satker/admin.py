from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Division, Level, Membership, Satker, User


class ViewOnlyMixin:
    """Shown in admin, never changed there: rows that move only through their app's services
    (reports, the outbox, reminders). For every app's admin."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DivisionInline(admin.TabularInline):
    model = Division
    extra = 0
    fields = ["order", "name", "kind", "head_name"]


class ParentFilter(admin.SimpleListFilter):
    """Only offices that can have children (RI, provinces), not all 500+ satker."""

    title = _("satker induk")
    parameter_name = "induk"

    def lookups(self, request, model_admin):
        parents = Satker.objects.filter(level__in=[Level.RI, Level.PROVINSI])
        return [(satker.code, satker.name) for satker in parents]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(parent__code=self.value())
        return queryset


@admin.register(Satker)
class SatkerAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "email", "whatsapp"]
    list_filter = ["level", ParentFilter]
    search_fields = ["code", "name"]
    list_select_related = ["parent"]
    autocomplete_fields = ["parent"]
    inlines = [DivisionInline]
    fieldsets = [
        (None, {"fields": ["code", "name", "level", "parent", "reporting_from"]}),
        (_("Kontak"), {"fields": ["address", "email", "whatsapp"]}),
    ]


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    list_display = ["name", "satker", "kind", "head_name", "order"]
    list_filter = ["kind", "satker__level"]
    search_fields = ["name", "head_name", "satker__name", "satker__code"]
    list_select_related = ["satker"]
    autocomplete_fields = ["satker"]


class MembershipInline(admin.StackedInline):
    model = Membership
    can_delete = False
    fields = ["satker", "role", "division", "position"]
    autocomplete_fields = ["satker", "division"]
    verbose_name_plural = _("keanggotaan satker")


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    # Portal access comes from the membership's role; Django groups and permissions only
    # matter for admin staff, so they are folded away.
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Data pribadi"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Pemberitahuan"),
            {"fields": ["whatsapp", "whatsapp_opt_out", "language"]},
        ),
        (_("Status"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (
            _("Hak akses admin"),
            {"classes": ["collapse"], "fields": ["groups", "user_permissions"]},
        ),
        (_("Tanggal penting"), {"classes": ["collapse"], "fields": ["last_login", "date_joined"]}),
    ]
    list_display = [
        "username",
        "get_full_name",
        "email",
        "membership__satker",
        "membership__role",
        "is_active",
    ]
    list_filter = [
        "is_active",
        "is_superuser",
        "membership__role",
        "membership__satker__level",
    ]
    search_fields = [
        "username",
        "first_name",
        "last_name",
        "email",
        "membership__satker__name",
        "membership__satker__code",
    ]
    list_select_related = ["membership__satker"]

    @admin.display(description=_("nama lengkap"), ordering="first_name")
    def get_full_name(self, obj):
        return obj.get_full_name()
