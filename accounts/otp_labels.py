"""django-otp's model and field labels in the portal's language.

django-otp names its models and fields, and writes their help texts, in plain English strings
that are never marked for translation, so its admin pages stay English whatever the
catalogue holds. At start-up (`AccountsConfig.ready`) each such plain string is wrapped in
`gettext_lazy`: the same English text, now looked up in the catalogue (locale/id holds the
Indonesian) in the language of each request. Labels that are already lazy are left alone.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy

OTP_MODELS = ["otp_totp.TOTPDevice", "otp_static.StaticDevice", "otp_static.StaticToken"]
OTP_APP_NAMES = {
    "otp_totp": gettext_lazy("Verifikasi dua langkah: aplikasi autentikator"),
    "otp_static": gettext_lazy("Verifikasi dua langkah: kode cadangan"),
}


def _lazy(value):
    return gettext_lazy(value) if type(value) is str and value else value


def translate_labels() -> None:
    for label, name in OTP_APP_NAMES.items():
        apps.get_app_config(label).verbose_name = name
    for label in OTP_MODELS:
        opts = apps.get_model(label)._meta
        # Django's default plural, "<name>s", is built from the English name once: rebuild it.
        plural = opts.original_attrs.get("verbose_name_plural") or f"{opts.verbose_name}s"
        opts.verbose_name = _lazy(opts.verbose_name)
        opts.verbose_name_plural = _lazy(str(plural))
        for field in opts.get_fields():
            if hasattr(field, "verbose_name"):
                field.verbose_name = _lazy(field.verbose_name)
            if getattr(field, "help_text", None):
                field.help_text = _lazy(field.help_text)
