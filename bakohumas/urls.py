from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from bakohumas.health import health
from notifications.accounts import OutboxPasswordResetForm
from restapi.views import not_found as api_not_found
from satker import views as satker_views
from satker.forms import LoginForm

admin.site.site_header = _("Administrasi Portal Bakohumas")
admin.site.site_title = _("Portal Bakohumas")
admin.site.index_title = _("Pengelolaan akun, satker dan pengaturan")

account_urls = [
    path("", satker_views.account, name="account"),
    path("token/", satker_views.create_api_token, name="create_api_token"),
    path("token/<int:pk>/cabut/", satker_views.revoke_api_token, name="revoke_api_token"),
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
    path("", include("satker.api")),
    path("", include("reports.api.urls")),
    # Compliance (the matrix, rates per satker, month and province for a year) belongs to the
    # dashboards app, built alongside: mount its `dashboards.api` here when it lands.
    path("schema/", login_not_required(SpectacularAPIView.as_view()), name="schema"),
    path(
        "docs/",
        login_not_required(SpectacularSwaggerView.as_view(url_name="api:schema")),
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
    # The language switch is on the login page too, so it must work before login.
    path("bahasa/", satker_views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("kesehatan/", health, name="health"),
    path("api/v1/", include((api_v1_urls, "api"))),
    re_path(r"^api/", api_not_found),  # whatever else under /api/: 404 in the API's format
]
