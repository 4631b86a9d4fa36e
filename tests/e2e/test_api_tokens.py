"""A person makes an API token on a phone, copies it once, and revokes it."""

import pytest
import requests
from playwright.sync_api import expect

from ..factories import staff
from .test_sign_in import no_horizontal_scroll, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_operator_makes_a_token_on_a_phone_uses_it_and_revokes_it(phone, live_server, screenshot):
    staff("operator.medan", "12.71", first_name="Dedi", last_name="Lubis")
    sign_in(phone, live_server, "operator.medan")
    phone.goto(live_server.url + "/akun/")
    tokens = phone.locator("section[aria-labelledby='judul-token-api']")
    tokens.get_by_label("Nama token").fill("Aplikasi humas Medan")
    tokens.get_by_label("Hanya baca").uncheck()
    tokens.get_by_role("button", name="Buat token").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Token API baru")
    secret = phone.get_by_label("Token", exact=True).input_value()
    assert secret.startswith("bkh_")
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    phone.get_by_role("button", name="Salin token").click()
    expect(phone.get_by_role("status")).to_have_text("Token tersalin ✓")
    assert phone.evaluate("navigator.clipboard.readText()") == secret
    assert no_horizontal_scroll(phone)
    screenshot("api-token-created-phone")
    me = requests.get(
        live_server.url + "/api/v1/me/", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert me.json()["username"] == "operator.medan"

    phone.get_by_role("link", name="Kembali ke Akun saya").click()
    expect(tokens.get_by_role("listitem").filter(has_text="Aplikasi humas Medan")).to_be_visible()
    expect(tokens.get_by_text("baca dan ubah")).to_be_visible()
    assert secret not in phone.content()
    screenshot("account-api-tokens-phone")
    assert no_horizontal_scroll(phone)
    tokens.get_by_role("button", name="Cabut Aplikasi humas Medan").click()
    expect(phone.get_by_text("Token «Aplikasi humas Medan» dicabut.")).to_be_visible()
    revoked = requests.get(
        live_server.url + "/api/v1/me/", headers={"Authorization": f"Bearer {secret}"}, timeout=10
    )
    assert revoked.status_code == 401
