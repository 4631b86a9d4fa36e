"""First journeys in a real browser: signing in lands each role on its home."""

import re

import pytest
from playwright.sync_api import expect

from satker.models import Role

from ..factories import PASSWORD, staff

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username, password=PASSWORD):
    page.goto(live_server.url + "/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_operator_signs_in_and_lands_on_their_satker(page, live_server, screenshot):
    staff("operator.medan", "12.71", Role.OPERATOR, first_name="Dedi", last_name="Lubis")

    sign_in(page, live_server, "operator.medan")

    expect(page).to_have_url(re.compile(r"/satker/12\.71/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("KPU Kota Medan")
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_contain_text("Satker saya")
    expect(page.get_by_role("link", name="Ringkasan provinsi")).to_have_count(0)
    screenshot("operator-satker-desktop")


def test_reviewer_signs_in_and_lands_on_the_provincial_overview(page, live_server, screenshot):
    staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")

    sign_in(page, live_server, "reviewer.sumut")

    expect(page).to_have_url(re.compile(r"/dasbor/provinsi/12/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Kepatuhan pelaporan KPU Provinsi Sumatera Utara"
    )
    expect(page.locator(".dash-matrix tbody tr")).to_have_count(33)
    page.get_by_role("link", name="Daftar satker").click()
    expect(page.locator("tbody tr")).to_have_count(33)
    page.get_by_label("Tingkat").select_option("kota")
    page.get_by_role("button", name="Terapkan").click()
    expect(page.locator("tbody tr")).to_have_count(8)
    screenshot("reviewer-satker-list-desktop")


def test_wrong_password_shows_an_indonesian_error_and_keeps_the_username(
    page, live_server, screenshot
):
    staff("operator.binjai", "12.75")

    sign_in(page, live_server, "operator.binjai", password="bukan-sandinya")

    expect(page.get_by_text("Nama pengguna atau kata sandi salah")).to_be_visible()
    expect(page.get_by_label("Nama pengguna")).to_have_value("operator.binjai")
    expect(page).to_have_url(re.compile(r"/akun/masuk/"))
    screenshot("login-wrong-password-desktop")


def test_sign_in_works_by_keyboard_alone(page, live_server):
    staff("operator.nias", "12.04")
    page.goto(live_server.url + "/akun/masuk/")

    expect(page.get_by_label("Nama pengguna")).to_be_focused()
    page.keyboard.type("operator.nias")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Kata sandi")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/satker/12\.04/$"))

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Langsung ke isi halaman")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_phone_pages_fit_360px_and_the_menu_opens(phone, live_server, screenshot):
    staff("operator.medan", "12.71")
    phone.goto(live_server.url + "/akun/masuk/")
    assert no_horizontal_scroll(phone)
    screenshot("login-phone")

    sign_in(phone, live_server, "operator.medan")
    expect(phone).to_have_url(re.compile(r"/satker/12\.71/$"))
    assert no_horizontal_scroll(phone)
    sign_out = phone.get_by_role("button", name="Keluar")
    expect(sign_out).to_be_hidden()
    menu = phone.get_by_role("button", name="Buka menu")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(sign_out).to_be_visible()
    screenshot("operator-satker-phone-menu")

    sign_out.click()
    expect(phone).to_have_url(re.compile(r"/akun/masuk/$"))


def test_first_load_is_light_and_uses_no_cdn(page, live_server):
    responses = []
    page.on("response", lambda response: responses.append(response))

    page.goto(live_server.url + "/akun/masuk/")
    page.wait_for_load_state("networkidle")

    total = sum(len(response.body()) for response in responses)
    assert total < 200 * 1024, f"first load is {total / 1024:.0f} KB"
    assert {response.url.split("/")[2] for response in responses} == {live_server.url.split("/")[2]}
