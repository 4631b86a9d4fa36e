import pytest

from satker.models import Role, Satker

from ..factories import staff


@pytest.mark.django_db
def test_operator_lands_on_their_satker_home(client, operator_medan):
    client.force_login(operator_medan)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/satker/12.71/"
    assert "KPU Kota Medan" in response.text


@pytest.mark.django_db
def test_pimpinan_lands_on_their_satker_home(client, pimpinan_medan):
    client.force_login(pimpinan_medan)
    assert client.get("/")["Location"] == "/satker/12.71/"


@pytest.mark.django_db
def test_reviewer_lands_on_the_provincial_overview(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/dasbor/provinsi/12/"
    assert "Ringkasan provinsi" in response.text


@pytest.mark.django_db
def test_account_without_satker_is_told_to_contact_the_admin(client, stranger):
    client.force_login(stranger)
    response = client.get("/")
    assert response.status_code == 200
    assert "belum terhubung ke satker" in response.text


@pytest.mark.django_db
def test_overview_marks_satker_without_operator_and_filters_by_level(client, reviewer_sumut):
    staff("op.binjai", "12.75")
    client.force_login(reviewer_sumut)

    response = client.get("/satker/")
    rows = {s.code: s.operator_count for s in response.context["satkers"]}
    assert rows["12.75"] == 1
    assert rows["12.71"] == 0
    assert "belum ada" in response.text

    kota = client.get("/satker/?tingkat=kota").context["satkers"]
    assert [s.code for s in kota] == [
        "12.71",
        "12.72",
        "12.73",
        "12.74",
        "12.75",
        "12.76",
        "12.77",
        "12.78",
    ]


@pytest.mark.django_db
def test_satker_page_shows_divisions_and_staff_in_indonesian(
    client, operator_medan, pimpinan_medan
):
    client.force_login(operator_medan)
    response = client.get("/satker/12.71/")
    assert "Divisi dan subbagian" in response.text
    assert "Hukum dan Pengawasan" in response.text
    assert pimpinan_medan.get_full_name() in response.text
    assert "Pimpinan satker" in response.text
    assert 'lang="id"' in response.text


@pytest.mark.parametrize("extra_operators", [0, 32])
@pytest.mark.django_db
def test_overview_query_count_does_not_grow_with_accounts(
    client, reviewer_sumut, django_assert_num_queries, extra_operators
):
    for satker in Satker.objects.regencies()[:extra_operators]:
        staff(f"op.{satker.code}", satker.code)
    client.force_login(reviewer_sumut)
    # 1 session, 2 user with membership and satker, 3 satker with operator counts,
    # 4 unread notifications
    with django_assert_num_queries(4):
        response = client.get("/satker/")
    assert response.status_code == 200


@pytest.mark.parametrize("staff_count", [1, 15])
@pytest.mark.django_db
def test_satker_page_query_count_does_not_grow_with_staff(
    client, django_assert_num_queries, staff_count
):
    users = [staff(f"op.medan.{i}", "12.71", Role.OPERATOR) for i in range(staff_count)]
    client.force_login(users[0])
    # 1 session, 2 user, 3 satker with parent, 4 divisions, 5 staff with user and division,
    # 6 visible children, 7 unread notifications
    with django_assert_num_queries(7):
        response = client.get("/satker/12.71/")
    assert response.status_code == 200


@pytest.mark.parametrize("regencies_shown", [True, False])
@pytest.mark.django_db
def test_province_page_query_count_is_fixed_for_reviewer(
    client, reviewer_sumut, django_assert_num_queries, regencies_shown
):
    if not regencies_shown:
        Satker.objects.regencies().exclude(code__in=["12.71", "12.75"]).delete()
    client.force_login(reviewer_sumut)
    # 1 session, 2 user, 3 satker, 4 divisions, 5 staff, 6 children, 7 unread notifications
    with django_assert_num_queries(7):
        response = client.get("/satker/12/")
    assert "Kota Binjai" in response.text
    assert ("Kabupaten Nias" in response.text) == regencies_shown
