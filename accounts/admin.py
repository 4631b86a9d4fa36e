from django import forms
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static import admin as otp_static_admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp import admin as otp_totp_admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import tokens
from .models import ApiToken


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
            "admin/accounts/apitoken/created.html",
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


# django-otp's devices in the portal's language ------------------------------------------------
# Its admin titles its sections and search box in plain English strings; these subclasses
# route them through the catalogue (locale/id holds the Indonesian). The model and field
# labels are routed in `accounts.otp_labels`, at start-up.


class TranslatedSectionsMixin:
    search_help_text = _("Cari menurut nama pengguna atau e-mail pemiliknya.")

    def get_fieldsets(self, request, obj=None):
        return [
            (gettext(title) if title else title, options)
            for title, options in super().get_fieldsets(request, obj)
        ]


class TOTPDeviceAdmin(TranslatedSectionsMixin, otp_totp_admin.TOTPDeviceAdmin):
    pass


class StaticDeviceAdmin(TranslatedSectionsMixin, otp_static_admin.StaticDeviceAdmin):
    pass


for _model, _admin_class in [
    (TOTPDevice, TOTPDeviceAdmin),
    (StaticDevice, StaticDeviceAdmin),
]:
    admin.site.unregister(_model)
    admin.site.register(_model, _admin_class)
