from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from bakohumas.mail import queue_email


class QueuedPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail is sent by the Celery worker, not inside the request."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # The context holds the user object; the worker gets only rendered text.
        queue_email(template="password_reset", context=context, to=[to_email])


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
