"""The second sign-in step in a real browser: setup from the QR page, then signing in."""

import datetime
import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from satker.models import Role

from ..factories import staff
from .test_sign_in import no_horizontal_scroll, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def code_of(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits):06d}"


def test_reviewer_sets_up_the_second_step_and_signs_in_with_it(
    page, live_server, screenshot, settings
):
    settings.TWO_FACTOR_REQUIRED_FOR = ["admin", "reviewer"]
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina")
    page.set_viewport_size({"width": 360, "height": 740})

    sign_in(page, live_server, "reviewer.sumut")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktifkan verifikasi dua langkah")
    expect(page.get_by_text("wajib memakai verifikasi dua langkah")).to_be_visible()
    expect(page.locator(".qr svg")).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot("two-factor-setup-phone")

    device = TOTPDevice.objects.get(user=reviewer, confirmed=False)
    page.get_by_label("Kode verifikasi").fill(code_of(device))
    page.get_by_role("button", name="Aktifkan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verifikasi dua langkah aktif")
    expect(page.get_by_role("list", name="Kode cadangan").get_by_role("listitem")).to_have_count(10)
    screenshot("two-factor-recovery-codes-phone")
    page.get_by_role("link", name="Sudah saya simpan").click()
    page.locator('form[action="/akun/keluar/"]').evaluate("form => form.requestSubmit()")
    expect(page).to_have_url(re.compile(r"/akun/masuk/$"))

    # Next day: password, then the code. A wrong code is refused.
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with time_machine.travel(tomorrow, tick=True):
        sign_in(page, live_server, "reviewer.sumut")
        expect(page).to_have_url(re.compile(r"/akun/dua-langkah/verifikasi/"))
        page.get_by_label("Kode verifikasi").fill("000000")
        page.get_by_role("button", name="Verifikasi").click()
        expect(page.get_by_text("Kode salah atau sudah dipakai")).to_be_visible()
        screenshot("two-factor-wrong-code-phone")

    with time_machine.travel(tomorrow + datetime.timedelta(minutes=2), tick=True):
        device.refresh_from_db()
        page.get_by_label("Kode verifikasi").fill(code_of(device))
        page.get_by_role("button", name="Verifikasi").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Kepatuhan pelaporan KPU Provinsi Sumatera Utara"
        )
