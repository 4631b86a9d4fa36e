import re

import pytest
from django.conf import settings
from django.core import mail

from .factories import PASSWORD


@pytest.mark.django_db
def test_login_page_is_in_indonesian(client):
    response = client.get("/akun/masuk/")
    assert response.status_code == 200
    assert "Masuk ke Portal Bakohumas" in response.text
    assert '<label for="id_username">Nama pengguna' in response.text
    assert '<label for="id_password">Kata sandi' in response.text
    assert "Lupa kata sandi?" in response.text


@pytest.mark.django_db
def test_wrong_password_gets_an_indonesian_error_and_keeps_the_username(client, operator_medan):
    response = client.post(
        "/akun/masuk/", {"username": "operator.medan", "password": "salah-sandi"}
    )
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.text
    assert 'value="operator.medan"' in response.text


@pytest.mark.django_db
def test_operator_login_lands_on_satker_home(client, operator_medan):
    response = client.post(
        "/akun/masuk/", {"username": "operator.medan", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/satker/12.71/"


@pytest.mark.django_db
def test_logout_is_a_post_and_returns_to_login(client, operator_medan):
    client.force_login(operator_medan)
    response = client.post("/akun/keluar/")
    assert response["Location"] == "/akun/masuk/"
    assert client.get("/satker/12.71/").status_code == 302


@pytest.mark.django_db
def test_password_change_requires_the_old_password(client, operator_medan):
    client.force_login(operator_medan)
    response = client.post(
        "/akun/kata-sandi/ubah/",
        {
            "old_password": "bukan",
            "new_password1": "Pemilu-Damai-2029",
            "new_password2": "Pemilu-Damai-2029",
        },
    )
    assert response.status_code == 200
    assert "Kata sandi lama Anda salah" in response.text or "sandi lama" in response.text.lower()


@pytest.mark.django_db(transaction=True)
def test_password_reset_mails_a_working_link(client, operator_medan):
    response = client.post("/akun/kata-sandi/lupa/", {"email": operator_medan.email})
    assert response["Location"] == "/akun/kata-sandi/lupa/terkirim/"

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [operator_medan.email]
    assert message.subject == "[Bakohumas] Buat kata sandi baru Portal Bakohumas"
    assert "operator.medan" in message.body
    assert message.alternatives[0][1] == "text/html"
    # The link is built by the worker from the portal's public address, not from a request.
    link = re.search(re.escape(settings.SITE_URL) + r"(/akun/kata-sandi/atur/\S+/)", message.body)
    link = link.group(1)

    form_page = client.get(link, follow=True)
    new_password = "Laporan-Bulanan-2027"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done["Location"] == "/akun/kata-sandi/atur/selesai/"
    signed_in = client.post(
        "/akun/masuk/", {"username": "operator.medan", "password": new_password}, follow=True
    )
    assert signed_in.redirect_chain[-1][0] == "/satker/12.71/"


@pytest.mark.django_db
def test_password_reset_for_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post("/akun/kata-sandi/lupa/", {"email": "tidak.ada@example.org"})
    assert response["Location"] == "/akun/kata-sandi/lupa/terkirim/"
    assert mail.outbox == []


@pytest.mark.django_db
def test_english_is_available(client):
    response = client.post("/bahasa/", {"language": "en", "next": "/akun/masuk/"}, follow=True)
    assert 'lang="en"' in response.text
    assert "Sign in to the Bakohumas Portal" in response.text


@pytest.mark.django_db
def test_an_english_browser_still_gets_indonesian_until_english_is_chosen(client):
    response = client.get("/akun/masuk/", headers={"accept-language": "en-US,en;q=0.9"})
    assert 'lang="id"' in response.text
    assert "Masuk ke Portal Bakohumas" in response.text
    client.post("/bahasa/", {"language": "en", "next": "/akun/masuk/"})
    english = client.get("/akun/masuk/", headers={"accept-language": "id"})
    assert "Sign in to the Bakohumas Portal" in english.text
