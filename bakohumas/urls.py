from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from accounts import views as account_views
from accounts.forms import LoginForm
from accounts.middleware import two_factor_exempt
from bakohumas.health import health
from notifications.accounts import OutboxPasswordResetForm
from restapi.views import not_found as api_not_found
from satker import views as satker_views

admin.site.site_header = _("Administrasi Portal Bakohumas")
admin.site.site_title = _("Portal Bakohumas")
admin.site.index_title = _("Pengelolaan akun, satker dan pengaturan")

account_urls = [
    path("", account_views.account, name="account"),
    path("token/", account_views.create_api_token, name="create_api_token"),
    path("token/<int:pk>/cabut/", account_views.revoke_api_token, name="revoke_api_token"),
    path("dua-langkah/aktifkan/", account_views.two_factor_setup, name="two_factor_setup"),
    path("dua-langkah/verifikasi/", account_views.two_factor_verify, name="two_factor_verify"),
    path("dua-langkah/kode-cadangan/", account_views.recovery_codes, name="recovery_codes"),
    path("dua-langkah/matikan/", account_views.two_factor_disable, name="two_factor_disable"),
    path(
        "keluar-dari-perangkat-lain/",
        account_views.sign_out_other_devices,
        name="sign_out_other_devices",
    ),
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", two_factor_exempt(auth_views.LogoutView.as_view()), name="logout"),
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
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
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

# The REST API: each app's own `api` module, the schema and its documentation.
api_v1_urls = [
    path("", include("accounts.api")),
    path("", include("satker.api")),
    path("", include("reports.api.urls")),
    path("", include("dashboards.api")),
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path(
        "docs/",
        login_not_required(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
]

urlpatterns = [
    path("", satker_views.home, name="home"),
    path("akun/", include(account_urls)),
    path("satker/", include("satker.urls")),
    path("laporan/", include("reports.urls")),
    path("notifikasi/", include("notifications.urls")),
    path("pengingat/", include("reminders.urls")),
    path("dasbor/", include("dashboards.urls")),
    path("ekspor/", include("exports.urls")),
    # The language switch is on the login page too, so it must work before login.
    path("bahasa/", account_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("kesehatan/", health, name="health"),
    path("api/v1/", include((api_v1_urls, "api"))),
    re_path(r"^api/", api_not_found),  # whatever else under /api/: 404 in the API's format
]
