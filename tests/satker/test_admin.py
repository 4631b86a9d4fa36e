import pytest

from satker.models import Membership, Role, Satker, User


@pytest.mark.django_db
def test_admin_user_change_page_loads_with_membership_inline(admin_client, operator_medan):
    response = admin_client.get(f"/admin/satker/user/{operator_medan.pk}/change/")
    assert response.status_code == 200
    assert "Keanggotaan satker" in response.text or "keanggotaan satker" in response.text
    assert 'name="membership-0-role"' in response.text


@pytest.mark.django_db
def test_admin_satker_change_page_loads_with_divisions_inline(admin_client):
    medan = Satker.objects.get(code="12.71")
    response = admin_client.get(f"/admin/satker/satker/{medan.pk}/change/")
    assert response.status_code == 200
    assert "Teknis Penyelenggaraan" in response.text
    assert "Administrasi Portal Bakohumas" in response.text


@pytest.mark.django_db
def test_admin_lists_search_and_filter_in_indonesian(admin_client, operator_medan, reviewer_sumut):
    users = admin_client.get("/admin/satker/user/?membership__role=reviewer")
    assert "reviewer.sumut" in users.text
    assert "operator.medan" not in users.text
    satkers = admin_client.get("/admin/satker/satker/?q=binjai")
    assert [s.code for s in satkers.context["cl"].result_list] == ["12.75"]
    assert "Cari" in satkers.text
    in_sumut = admin_client.get("/admin/satker/satker/?induk=12")
    assert in_sumut.context["cl"].result_count == 33


@pytest.mark.django_db
def test_admin_creates_an_operator_with_membership(admin_client):
    medan = Satker.objects.get(code="12.71")
    response = admin_client.post(
        "/admin/satker/user/add/",
        {
            "username": "operator.baru",
            "password1": "sandi-yang-kuat-2026",
            "password2": "sandi-yang-kuat-2026",
            "usable_password": "true",
            "membership-TOTAL_FORMS": "1",
            "membership-INITIAL_FORMS": "0",
            "membership-MIN_NUM_FORMS": "0",
            "membership-MAX_NUM_FORMS": "1",
            "membership-0-satker": medan.pk,
            "membership-0-role": Role.OPERATOR,
            "membership-0-position": "Staf Hupmas",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    membership = Membership.objects.get(user__username="operator.baru")
    assert membership.satker == medan
    assert membership.role == Role.OPERATOR


@pytest.mark.django_db
def test_admin_refuses_a_reviewer_at_a_regency_with_a_message(admin_client, operator_medan):
    membership = operator_medan.membership
    data = {
        "username": operator_medan.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "membership-TOTAL_FORMS": "1",
        "membership-INITIAL_FORMS": "1",
        "membership-MIN_NUM_FORMS": "0",
        "membership-MAX_NUM_FORMS": "1",
        "membership-0-id": membership.pk,
        "membership-0-user": operator_medan.pk,
        "membership-0-satker": membership.satker_id,
        "membership-0-role": Role.REVIEWER,
    }
    response = admin_client.post(f"/admin/satker/user/{operator_medan.pk}/change/", data)
    assert response.status_code == 200
    assert "Reviewer hanya untuk staf KPU Provinsi" in response.text
    assert User.objects.get(pk=operator_medan.pk).membership.role == Role.OPERATOR


@pytest.mark.django_db
def test_reviewer_cannot_open_django_admin(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    response = client.get("/admin/satker/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
