"""API tokens on Akun saya and in Django admin: made, shown once, revoked."""

import re

import pytest

from accounts.models import ApiToken
from accounts.tokens import user_for_secret

from ..factories import staff

pytestmark = pytest.mark.django_db


def secret_in(page: str) -> str:
    return re.search(r'value="(bkh_[^"]+)"', page).group(1)


def test_operator_makes_a_token_sees_it_once_and_revokes_it(client, operator_medan):
    client.force_login(operator_medan)
    page = client.get("/akun/")
    assert "Token API" in page.text
    assert "Buat token" in page.text

    created = client.post(
        "/akun/token/", {"name": "Aplikasi humas", "expires_in_days": "90", "read_only": "on"}
    )
    assert created.status_code == 200
    assert "no-store" in created["Cache-Control"]
    secret = secret_in(created.text)
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.read_only) == (operator_medan, "Aplikasi humas", True)
    assert user_for_secret(secret)[0] == operator_medan

    listed = client.get("/akun/").text
    assert token.prefix in listed
    assert secret not in listed  # shown once, never again

    assert client.post(f"/akun/token/{token.pk}/cabut/")["Location"] == "/akun/"
    assert user_for_secret(secret) is None
    assert "dicabut" in client.get("/akun/").text


def test_nobody_revokes_someone_elses_token(client, operator_medan, operator_binjai):
    client.force_login(operator_medan)
    client.post("/akun/token/", {"name": "Punya Medan", "expires_in_days": "30"})
    token = ApiToken.objects.get()
    client.force_login(operator_binjai)
    assert client.post(f"/akun/token/{token.pk}/cabut/").status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_a_token_needs_a_name_and_keeps_what_was_chosen(client, operator_medan):
    client.force_login(operator_medan)
    response = client.post("/akun/token/", {"name": " ", "expires_in_days": "180"})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()
    # Akun saya again, with the field to fix and the choices made (read-only was unticked).
    form = response.context["api_token_form"]
    assert form.errors["name"] == ["Bidang ini tidak boleh kosong."]
    assert 'value="180" selected' in response.text
    assert "Bidang ini tidak boleh kosong." in response.text
    assert not form["read_only"].value()


def test_admin_makes_a_token_for_a_service_account_and_revokes_it(client, superuser):
    service = staff("sistem.kpuri", "12", "reviewer")
    client.force_login(superuser)
    form = client.get("/admin/accounts/apitoken/add/")
    assert form.status_code == 200
    created = client.post(
        "/admin/accounts/apitoken/add/",
        {
            "user": service.pk,
            "name": "Rekap KPU RI",
            "read_only": "on",
            "expires_at_0": "2099-01-31",
            "expires_at_1": "23:59:59",
        },
    )
    assert created.status_code == 200, created.content
    secret = secret_in(created.content.decode())
    assert user_for_secret(secret)[0] == service
    token = ApiToken.objects.get()
    listing = client.get("/admin/accounts/apitoken/").content.decode()
    assert "Rekap KPU RI" in listing
    assert secret not in listing
    client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    assert user_for_secret(secret) is None


def test_admin_refuses_an_expiry_in_the_past(client, superuser, operator_medan):
    client.force_login(superuser)
    response = client.post(
        "/admin/accounts/apitoken/add/",
        {
            "user": operator_medan.pk,
            "name": "Lama",
            "expires_at_0": "2020-01-01",
            "expires_at_1": "00:00:00",
        },
    )
    assert "Masa berlaku token harus di masa depan." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_marked_and_offers_no_revoke(client, operator_medan):
    import datetime

    from django.utils import timezone

    client.force_login(operator_medan)
    client.post("/akun/token/", {"name": "Lama sekali", "expires_in_days": "30"})
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(days=1))
    page = client.get("/akun/").text
    assert "kedaluwarsa" in page
    assert "Cabut<span" not in page
