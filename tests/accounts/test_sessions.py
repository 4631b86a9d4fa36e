"""Sessions end when idle, when old, when the password changes, or when asked to."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db

HOME = "/satker/12.71/"


def signed_in(user) -> Client:
    client = Client()
    response = client.post("/akun/masuk/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_a_session_idle_for_two_hours_ends(operator_medan):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = signed_in(operator_medan)
    with time_machine.travel(start + datetime.timedelta(minutes=119), tick=False):
        assert client.get(HOME).status_code == 200  # still there, and the clock restarts
    with time_machine.travel(start + datetime.timedelta(minutes=119 + 121), tick=False):
        ended = client.get(HOME, follow=True)
    assert ended.redirect_chain[0][0].startswith("/akun/masuk/?next=")
    assert "berakhir karena lama tidak aktif" in ended.text


def test_a_busy_session_still_ends_after_twelve_hours(operator_medan):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = signed_in(operator_medan)
    for hour in range(1, 12):
        with time_machine.travel(start + datetime.timedelta(hours=hour), tick=False):
            assert client.get(HOME).status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=12, minutes=1), tick=False):
        assert client.get(HOME)["Location"].startswith("/akun/masuk/")


def test_sign_out_from_every_other_device(operator_medan):
    office, phone = signed_in(operator_medan), signed_in(operator_medan)
    response = office.post("/akun/keluar-dari-perangkat-lain/", follow=True)
    assert "keluar dari semua perangkat lain" in response.text
    assert office.get(HOME).status_code == 200
    assert phone.get(HOME)["Location"].startswith("/akun/masuk/")


def test_changing_the_password_ends_the_other_sessions(operator_medan):
    office, phone = signed_in(operator_medan), signed_in(operator_medan)
    office.post(
        "/akun/kata-sandi/ubah/",
        {
            "old_password": PASSWORD,
            "new_password1": "Pemilu-Damai-2029",
            "new_password2": "Pemilu-Damai-2029",
        },
    )
    assert office.get(HOME).status_code == 200
    assert phone.get(HOME)["Location"].startswith("/akun/masuk/")


def test_signed_in_pages_are_never_stored_by_a_browser_or_proxy(client, operator_medan):
    client.force_login(operator_medan)
    for url in [HOME, "/laporan/", "/notifikasi/", "/akun/"]:
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control, url
        assert "private" in cache_control, url
