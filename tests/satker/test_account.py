"""Akun saya: how the portal reaches a person, and in which language."""

import pytest
from django.core.exceptions import ValidationError

from satker.models import User
from satker.phones import normalize_whatsapp

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("62 (812) 3456.7890", "+6281234567890"),
        ("812 3456 7890", "+6281234567890"),
        ("0061 4567 890", "+614567890"),
        ("", ""),
    ],
)
def test_whatsapp_numbers_are_stored_as_plus_62(typed, stored):
    if stored.startswith("+61"):
        with pytest.raises(ValidationError, match="Tulis nomor Indonesia"):
            normalize_whatsapp(typed)
    else:
        assert normalize_whatsapp(typed) == stored


@pytest.mark.parametrize("typed", ["0812", "nomor saya", "+1 555 0100 200"])
def test_unusable_numbers_are_refused_in_indonesian(typed):
    with pytest.raises(ValidationError, match="Nomor WhatsApp tidak dikenali"):
        normalize_whatsapp(typed)


def test_operator_sets_a_number_opts_out_and_chooses_english(client, operator_medan):
    client.force_login(operator_medan)
    page = client.get("/akun/")
    assert '<label for="id_whatsapp">Nomor WhatsApp' in page.text
    assert "operator.medan" in page.text

    response = client.post(
        "/akun/", {"whatsapp": "0812 3456 7890", "whatsapp_opt_out": "on", "language": "en"}
    )
    assert response["Location"] == "/akun/"
    user = User.objects.get(pk=operator_medan.pk)
    assert (user.whatsapp, user.whatsapp_opt_out, user.language) == ("+6281234567890", True, "en")
    assert "Notification settings saved." in client.get("/akun/").text


def test_a_wrong_number_is_explained_and_what_was_typed_stays(client, operator_medan):
    client.force_login(operator_medan)
    response = client.post("/akun/", {"whatsapp": "0812", "language": "id"})
    assert response.status_code == 200
    assert "Nomor WhatsApp tidak dikenali" in response.text
    assert 'value="0812"' in response.text
    assert User.objects.get(pk=operator_medan.pk).whatsapp == ""


def test_the_language_switch_also_sets_the_language_of_messages(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    client.post("/bahasa/", {"language": "en", "next": "/"})
    assert User.objects.get(pk=reviewer_sumut.pk).language == "en"


def test_a_new_device_shows_the_accounts_language(client, reviewer_sumut):
    reviewer_sumut.language = "en"
    reviewer_sumut.save()
    client.force_login(reviewer_sumut)  # no language cookie on this browser yet
    assert 'lang="en"' in client.get("/laporan/verifikasi/").text


def test_the_account_page_needs_a_signed_in_user(client):
    assert client.get("/akun/")["Location"].startswith("/akun/masuk/")
