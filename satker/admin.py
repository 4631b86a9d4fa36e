from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from . import tokens
from .models import ApiToken, Division, Level, Membership, Satker, User


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
        (None, {"fields": ["code", "name", "level", "parent"]}),
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


class ApiTokenAddForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["user", "name", "read_only", "expires_at"]

    def clean_expires_at(self):
        expires_at = self.cleaned_data["expires_at"]
        if expires_at <= timezone.now():
            raise forms.ValidationError(_("Masa berlaku token harus di masa depan."))
        return expires_at


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made here for any account (e.g. a KPU RI service account) and revoked here;
    the secret is shown once, on the page right after "Simpan"."""

    list_display = [
        "name",
        "user",
        "prefix",
        "read_only",
        "expires_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["read_only", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    actions = ["revoke"]

    add_form = ApiTokenAddForm

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["user", "name", "read_only", "expires_at"]
        return [
            "user",
            "name",
            "prefix",
            "read_only",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
        ]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.get_fields(request, obj)

    def get_changeform_initial_data(self, request):
        return {"expires_at": tokens.expiry_after(90)}

    def save_model(self, request, obj, form, change):
        if change:
            return  # a token never changes; revoke it and make another
        token, secret = tokens.issue_token(
            user=obj.user, name=obj.name, read_only=obj.read_only, expires_at=obj.expires_at
        )
        obj.pk, obj.prefix = token.pk, token.prefix
        request._new_api_token_secret = secret

    def response_add(self, request, obj, post_url_continue=None):
        response = TemplateResponse(
            request,
            "admin/satker/apitoken/created.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "token": obj,
                "secret": request._new_api_token_secret,
                "title": _("Token API baru"),
            },
        )
        add_never_cache_headers(response)
        return response

    @admin.action(description=_("Cabut token terpilih"))
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            tokens.revoke_token(token=token)
        self.message_user(request, _("Token terpilih dicabut."))
