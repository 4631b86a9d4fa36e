from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


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
