"""Headers and error pages: a strict CSP everywhere, nothing cached for signed-in users,
and portal-styled pages in Indonesian when something is refused or breaks."""

import pytest
from django.test import Client, override_settings
from django.urls import path

from notifications.models import PasswordResetRequest

pytestmark = pytest.mark.django_db

CSP = {
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
}


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("rusak/", broken_view)]


@pytest.mark.parametrize(
    ("url", "who"),
    [
        ("/akun/masuk/", None),
        ("/satker/12.71/", "operator_medan"),
        ("/laporan/", "operator_medan"),
        ("/laporan/verifikasi/", "reviewer_sumut"),
        ("/pengingat/", "reviewer_sumut"),
        ("/dasbor/provinsi/12/", "reviewer_sumut"),
        ("/dasbor/satker/12.71/", "reviewer_sumut"),
        ("/dasbor/peringkat/12/", "reviewer_sumut"),
        ("/notifikasi/", "operator_medan"),
        ("/akun/", "operator_medan"),
        ("/admin/", "superuser"),
    ],
)
def test_every_page_has_the_strict_policy_headers(client, request, url, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(url)
    assert response.status_code == 200, url
    assert set(response["Content-Security-Policy"].split("; ")) == CSP
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_language_cookie_is_http_only(client):
    response = client.post("/bahasa/", {"language": "en", "next": "/"})
    assert response.cookies["django_language"]["httponly"] is True


def test_an_unknown_address_gets_the_portals_404_in_indonesian(client, operator_medan, settings):
    settings.DEBUG = False
    client.force_login(operator_medan)
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert "Portal Bakohumas" in response.text


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_a_server_error_gets_the_portals_500_in_indonesian():
    client = Client(raise_request_exception=False)
    response = client.get("/rusak/")
    assert response.status_code == 500
    assert "Terjadi kesalahan di server" in response.text
    assert "masih tersimpan di perangkat ini" in response.text


def test_a_form_without_its_csrf_token_gets_a_page_that_says_what_to_do(operator_medan):
    client = Client(enforce_csrf_checks=True)
    client.force_login(operator_medan)
    response = client.post("/akun/", {"language": "id"})
    assert response.status_code == 403
    assert "Halaman ini sudah kedaluwarsa" in response.text
    assert "Isian laporan Anda masih tersimpan di perangkat ini" in response.text


def test_an_oversized_request_is_refused_before_it_is_read(client, operator_medan, settings):
    client.force_login(operator_medan)
    response = client.generic(
        "POST",
        "/akun/",
        b"x" * 16,
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(settings.REQUEST_MAX_BYTES + 1),
    )
    assert response.status_code == 413
    assert "Kiriman terlalu besar" in response.text
    assert "Isian laporan Anda masih tersimpan di perangkat ini" in response.text


def test_password_reset_does_the_same_work_whether_or_not_the_address_has_an_account(
    client, operator_medan, django_assert_num_queries
):
    # L3: the request only writes the address down; the worker looks it up. Same queries,
    # none of them on the accounts table, so the answer takes the same time.
    for email in [operator_medan.email, "tidak.ada@example.org"]:
        with django_assert_num_queries(1) as captured:  # 1 insert the request
            response = client.post("/akun/kata-sandi/lupa/", {"email": email})
        assert response["Location"] == "/akun/kata-sandi/lupa/terkirim/"
        assert "satker_user" not in captured.captured_queries[0]["sql"]
    assert list(PasswordResetRequest.objects.values_list("email", flat=True)) == [
        operator_medan.email,
        "tidak.ada@example.org",
    ]


def test_a_request_arriving_while_the_database_restarts_waits_for_it(
    client, operator_medan, monkeypatch
):
    from django.db import OperationalError, connection

    from bakohumas import middleware

    client.force_login(operator_medan)
    real_ensure = connection.ensure_connection
    attempts = []

    def restarting_then_back():
        attempts.append(1)
        if len(attempts) <= 2:
            raise OperationalError("the database system is starting up")
        return real_ensure()

    monkeypatch.setattr(connection, "ensure_connection", restarting_then_back)
    monkeypatch.setattr(middleware, "DATABASE_RETRY_WAITS", (0, 0, 0, 0, 0))
    monkeypatch.setattr(connection, "close", lambda: None)  # the test's transaction stays
    assert client.get("/satker/12.71/").status_code == 200
    assert len(attempts) >= 3
