"""The second sign-in step: required for reviewers and admins, offered to everyone."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services

from ..factories import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def required_for_reviewers_and_admins(settings):
    settings.TWO_FACTOR_REQUIRED_FOR = ["admin", "reviewer"]


def sign_in(user) -> Client:
    client = Client()
    client.post("/akun/masuk/", {"username": user.username, "password": PASSWORD})
    return client


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def enrol(client, user) -> list[str]:
    page = client.get("/akun/dua-langkah/aktifkan/")
    assert "<svg" in page.text  # the QR code, drawn by the server
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post("/akun/dua-langkah/aktifkan/", {"code": current_code(device)})
    return done.context["codes"]


def test_a_reviewer_must_set_it_up_before_anything_else(
    required_for_reviewers_and_admins, reviewer_sumut
):
    client = sign_in(reviewer_sumut)
    refused = client.get("/laporan/verifikasi/", follow=True)
    assert refused.redirect_chain[-1][0] == "/akun/dua-langkah/aktifkan/"
    assert "wajib memakai verifikasi dua langkah" in refused.text

    wrong = client.post("/akun/dua-langkah/aktifkan/", {"code": "000000"})
    assert "Kode salah" in wrong.text
    codes = enrol(client, reviewer_sumut)
    assert len(codes) == 10
    assert client.get("/laporan/verifikasi/").status_code == 200


def test_signing_in_asks_for_the_code_and_refuses_a_wrong_one(
    required_for_reviewers_and_admins, reviewer_sumut
):
    enrol(sign_in(reviewer_sumut), reviewer_sumut)
    client = sign_in(reviewer_sumut)
    asked = client.get("/laporan/verifikasi/")
    assert asked["Location"].startswith("/akun/dua-langkah/verifikasi/?next=")

    wrong = client.post(asked["Location"], {"code": "123456"})
    assert "Kode salah atau sudah dipakai" in wrong.text
    assert client.get("/laporan/verifikasi/").status_code == 302

    device = TOTPDevice.objects.get(user=reviewer_sumut)
    # A minute later: the app shows a new code (the setup's may not be used twice) and the
    # pause the device puts after a wrong code has passed.
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=1), tick=False):
        right = client.post(asked["Location"], {"code": current_code(device)})
        assert right["Location"] == "/laporan/verifikasi/"
        assert client.get("/laporan/verifikasi/").status_code == 200


def test_a_recovery_code_works_once(required_for_reviewers_and_admins, reviewer_sumut):
    codes = enrol(sign_in(reviewer_sumut), reviewer_sumut)
    first = sign_in(reviewer_sumut)
    first.post("/akun/dua-langkah/verifikasi/", {"code": codes[0]})
    assert first.get("/laporan/verifikasi/").status_code == 200
    again = sign_in(reviewer_sumut)
    assert "sudah dipakai" in again.post("/akun/dua-langkah/verifikasi/", {"code": codes[0]}).text


def test_an_operator_may_sign_in_without_it_or_turn_it_on_and_off(
    required_for_reviewers_and_admins, operator_medan
):
    client = sign_in(operator_medan)
    assert client.get("/laporan/").status_code == 200
    assert "belum aktif" in client.get("/akun/").text
    enrol(client, operator_medan)
    assert "aktif" in client.get("/akun/").text
    client.post("/akun/dua-langkah/matikan/")
    assert not TOTPDevice.objects.filter(user=operator_medan).exists()


def test_a_reviewer_cannot_turn_it_off(required_for_reviewers_and_admins, reviewer_sumut):
    client = sign_in(reviewer_sumut)
    enrol(client, reviewer_sumut)
    refused = client.post("/akun/dua-langkah/matikan/", follow=True)
    assert "wajib memakai verifikasi dua langkah" in refused.text
    assert TOTPDevice.objects.filter(user=reviewer_sumut, confirmed=True).exists()


def test_admin_site_needs_the_second_step_too(required_for_reviewers_and_admins, superuser):
    client = sign_in(superuser)
    assert client.get("/admin/")["Location"] == "/akun/dua-langkah/aktifkan/"


def test_new_recovery_codes_replace_the_old(operator_medan):
    first = services.new_recovery_codes(user=operator_medan)
    second = services.new_recovery_codes(user=operator_medan)
    assert not set(first) & set(second)
    assert len(second) == 10
