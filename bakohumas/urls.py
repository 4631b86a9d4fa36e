from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from bakohumas.health import health
from satker import views as satker_views
from satker.forms import LoginForm, QueuedPasswordResetForm

admin.site.site_header = _("Administrasi Portal Bakohumas")
admin.site.site_title = _("Portal Bakohumas")
admin.site.index_title = _("Pengelolaan akun, satker dan pengaturan")

account_urls = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "kata-sandi/ubah/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "kata-sandi/ubah/selesai/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "kata-sandi/lupa/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path(
        "kata-sandi/lupa/terkirim/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "kata-sandi/atur/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "kata-sandi/atur/selesai/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", satker_views.home, name="home"),
    path("akun/", include(account_urls)),
    path("satker/", include("satker.urls")),
    path("laporan/", include("reports.urls")),
    path("dasbor/", include("dashboards.urls")),
    path("ekspor/", include("exports.urls")),
    # The language switch is on the login page too, so it must work before login.
    path("bahasa/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
    path("kesehatan/", health, name="health"),
]
