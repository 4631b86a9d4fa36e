"""M1: five wrong passwords for one account from one address, then a pause."""

import logging

import pytest
from axes.models import AccessAttempt

from ..factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/akun/masuk/"


def try_password(client, password, username="operator.medan", url=LOGIN, ip="10.0.0.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_the_sixth_wrong_password_is_refused_with_when_to_try_again(client, operator_medan, caplog):
    for _attempt in range(4):
        assert try_password(client, "salah").status_code == 200  # the usual "wrong password"
    with caplog.at_level(logging.WARNING):
        fifth = try_password(client, "salah lagi")  # the fifth failure locks...
    assert fifth.status_code == 429
    refused = try_password(client, "dan lagi")  # ...so the sixth is not even checked
    assert refused.status_code == 429
    assert "Terlalu banyak kata sandi salah untuk akun ini" in refused.text
    assert "coba lagi setelah pukul" in refused.text
    assert "(15 menit lagi)" in refused.text
    assert any("Locking out" in record.getMessage() for record in caplog.records)  # logged

    # Even the right password waits out the pause...
    assert try_password(client, PASSWORD).status_code == 429
    # ...but only for this account from this address.
    assert try_password(client, PASSWORD, ip="10.0.0.8").status_code == 302


def test_admin_sign_in_has_the_same_limit(client, superuser):
    url = "/admin/login/?next=/admin/"
    for _attempt in range(5):
        try_password(client, "salah", username=superuser.username, url=url)
    refused = try_password(client, PASSWORD, username=superuser.username, url=url)
    assert refused.status_code == 429
    assert "Terlalu banyak kata sandi salah" in refused.text


def test_an_admin_unlocks_an_account_from_admin(client, operator_medan):
    for _attempt in range(6):
        try_password(client, "salah")
    [attempt] = AccessAttempt.objects.all()
    assert attempt.username == "operator.medan"

    admin = UserFactory(username="admin.kpu", is_staff=True, is_superuser=True)
    admin_client = client.__class__()
    admin_client.force_login(admin)
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert "operator.medan" in listing.text
    admin_client.post(
        "/admin/axes/accessattempt/",
        {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"},
    )
    assert not AccessAttempt.objects.exists()
    assert try_password(client, PASSWORD).status_code == 302
