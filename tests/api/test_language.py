"""The API speaks the language of Accept-Language (the pages ignore it)."""

import pytest

from bakohumas.middleware import accepted_language

from .conftest import client_for


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("", "id"),
        ("en-US,en;q=0.9", "en"),
        ("de-DE,de;q=0.9,en;q=0.5", "en"),
        ("fr", "id"),
        ("id-ID,en;q=0.8", "id"),
        ("*", "id"),
    ],
)
def test_accept_language_picks_a_language_the_portal_speaks(header, language):
    assert accepted_language(header) == language


@pytest.mark.django_db
def test_errors_follow_accept_language_and_the_pages_do_not(client, operator_medan, settings):
    api = client_for(operator_medan)
    english = api.get("/api/v1/reports/999/", HTTP_ACCEPT_LANGUAGE="en")
    assert english["Content-Language"] == "en"
    assert "Accept-Language" in english["Vary"]
    indonesian = api.get("/api/v1/reports/999/")
    assert indonesian["Content-Language"] == "id"
    assert indonesian.json()["message"] == "Tidak ditemukan, atau di luar cakupan akun Anda."
    client.force_login(operator_medan)
    page = client.get("/akun/", HTTP_ACCEPT_LANGUAGE="en")
    assert page["Content-Language"] == "id"
