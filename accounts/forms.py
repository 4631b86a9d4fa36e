from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from satker.models import User

from .tokens import EXPIRY_CHOICES_DAYS


class LoginForm(AuthenticationForm):
    # Django's Indonesian catalogue words this as "Masukkan nama pengguna nama pengguna ...";
    # staff deserve a sentence that reads naturally.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah. Periksa lagi; huruf besar dan kecil dibedakan."
        ),
        "inactive": _("Akun ini dinonaktifkan. Hubungi admin KPU Provinsi."),
    }


class PreferencesForm(forms.ModelForm):
    """How the portal reaches this user: WhatsApp number or none, and the language."""

    class Meta:
        model = User
        fields = ["whatsapp", "whatsapp_opt_out", "language"]
        widgets = {
            "whatsapp": forms.TextInput(
                attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "0812-3456-7890"}
            ),
        }
        help_texts = {
            "whatsapp": _(
                "Untuk pengingat dan pemberitahuan. Kosongkan untuk memakai nomor resmi satker."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["whatsapp_opt_out"].template_name = "includes/checkbox_field.html"


class CodeForm(forms.Form):
    """The 6-digit code of the authenticator app (or an 8-digit recovery code)."""

    code = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )

    def clean_code(self) -> str:
        """As the app shows it ("123 456") or typed straight."""
        return self.cleaned_data["code"].replace(" ", "")


class ApiTokenForm(forms.Form):
    """A new API token on Akun saya: a name, how long it lasts, read-only or not."""

    name = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_("Sistem atau keperluannya, misalnya «Rekap KPU RI» atau «Aplikasi humas»."),
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("Berlaku selama"),
        coerce=int,
        initial=90,
        choices=[],
    )
    read_only = forms.BooleanField(
        label=_("Hanya baca"),
        required=False,
        initial=True,
        help_text=_("Token hanya baca dapat membaca data tetapi tidak dapat mengubahnya."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Worded in the language of this request, not of the process that imported the form.
        self.fields["expires_in_days"].choices = [
            (days, _("%(days)s hari") % {"days": days}) for days in EXPIRY_CHOICES_DAYS
        ]
        self.fields["read_only"].template_name = "includes/checkbox_field.html"
