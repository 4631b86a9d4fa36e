"""Password pages and Django admin, as their users see them."""

import re

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, UserFactory, staff
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_operator_changes_password_after_a_mistake(page, live_server, screenshot):
    staff("operator.medan", "12.71")
    sign_in(page, live_server, "operator.medan")
    page.get_by_role("link", name="Akun saya").click()
    screenshot("account-desktop")
    page.get_by_role("link", name="Ubah kata sandi").click()

    page.get_by_label("Kata sandi lama").fill("bukan-sandi-lama")
    page.get_by_label(re.compile(r"^Kata sandi baru:?$")).fill("Pemilu-Damai-2029")
    page.get_by_label("Ulangi kata sandi baru").fill("Pemilu-Damai-2029")
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(page.get_by_text("Kata sandi lama Anda salah")).to_be_visible()
    screenshot("password-change-error-desktop")

    page.get_by_label("Kata sandi lama").fill(PASSWORD)
    page.get_by_label(re.compile(r"^Kata sandi baru:?$")).fill("Pemilu-Damai-2029")
    page.get_by_label("Ulangi kata sandi baru").fill("Pemilu-Damai-2029")
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kata sandi diubah")


def test_forgotten_password_page_on_a_phone(phone, live_server, screenshot):
    phone.goto(live_server.url + "/akun/masuk/")
    phone.get_by_role("link", name="Lupa kata sandi?").click()
    phone.get_by_label("E-mail").fill("operator@example.org")
    phone.get_by_role("button", name="Kirim tautan").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Periksa e-mail Anda")
    screenshot("password-reset-sent-phone")


def test_admin_manages_an_operator_with_membership_in_indonesian(page, live_server, screenshot):
    UserFactory(username="admin.portal", is_staff=True, is_superuser=True)
    operator = staff("operator.binjai", "12.75")
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Nama pengguna").fill("admin.portal")
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()

    page.goto(f"{live_server.url}/admin/satker/user/{operator.pk}/change/")
    expect(page.get_by_role("heading", name="Keanggotaan satker", exact=True)).to_be_visible()
    expect(page.locator("#id_membership-0-role")).to_have_value("operator")
    screenshot("admin-user-change-desktop")

    page.goto(f"{live_server.url}/admin/satker/satker/?q=binjai")
    expect(page.get_by_role("link", name=re.compile("12.75"))).to_be_visible()
