from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in safely (guessing limit, second step, sessions) and API tokens."""

    name = "accounts"
    verbose_name = _("Akun dan keamanan masuk")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .otp_labels import translate_labels
        from .sessions import start_session

        user_logged_in.connect(start_session, dispatch_uid="accounts.start_session")
        translate_labels()
