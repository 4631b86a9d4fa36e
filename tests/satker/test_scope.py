import pytest

from satker.models import Role, Satker

from ..factories import staff


@pytest.mark.django_db
def test_operator_sees_only_their_own_satker(operator_medan):
    assert list(Satker.objects.visible_to(operator_medan).values_list("code", flat=True)) == [
        "12.71"
    ]


@pytest.mark.django_db
def test_pimpinan_sees_only_their_own_satker(pimpinan_medan):
    assert list(Satker.objects.visible_to(pimpinan_medan).values_list("code", flat=True)) == [
        "12.71"
    ]


@pytest.mark.django_db
def test_sumut_reviewer_sees_the_province_and_all_33_regencies(reviewer_sumut):
    visible = Satker.objects.visible_to(reviewer_sumut)
    assert visible.count() == 34
    assert visible.regencies().count() == 33


@pytest.mark.django_db
def test_reviewer_does_not_see_another_province(reviewer_sumut, national_tree):
    codes = set(Satker.objects.visible_to(reviewer_sumut).values_list("code", flat=True))
    assert "11.01" not in codes
    assert "11" not in codes
    assert "00" not in codes
    national = staff("reviewer.ri", "00", Role.REVIEWER)
    assert Satker.objects.visible_to(national).count() == 34 + 3


@pytest.mark.django_db
def test_account_without_satker_sees_nothing(stranger):
    assert not Satker.objects.visible_to(stranger).exists()


@pytest.mark.django_db
def test_deactivated_operator_sees_nothing(operator_medan):
    operator_medan.is_active = False
    assert not Satker.objects.visible_to(operator_medan).exists()


@pytest.mark.django_db
def test_superuser_sees_everything(superuser):
    assert Satker.objects.visible_to(superuser).count() == 34


@pytest.mark.django_db
def test_operator_of_medan_gets_404_for_binjai_page(client, operator_medan):
    client.force_login(operator_medan)
    assert client.get("/satker/12.75/").status_code == 404
    assert client.get("/satker/12/").status_code == 404
    assert client.get("/satker/12.71/").status_code == 200


@pytest.mark.django_db
def test_operator_of_medan_finds_no_other_satker_in_the_list(client, operator_medan):
    client.force_login(operator_medan)
    response = client.get("/satker/")
    assert [s.code for s in response.context["satkers"]] == ["12.71"]
    assert "Kota Binjai" not in response.text


@pytest.mark.django_db
def test_sumut_reviewer_sees_all_33_in_the_overview_and_any_page(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    response = client.get("/satker/")
    assert len(response.context["satkers"]) == 33
    assert "Kota Binjai" in response.text
    assert "Kabupaten Pakpak Bharat" in response.text
    assert client.get("/satker/12.75/").status_code == 200


@pytest.mark.django_db
def test_account_without_satker_gets_404_for_every_satker_page(client, stranger):
    client.force_login(stranger)
    assert client.get("/satker/12.71/").status_code == 404
    assert client.get("/satker/12/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/satker/12.71/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")
