"""Who gets what: scope as on the pages (404 outside it), tokens and their limits."""

import datetime

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import ApiToken
from accounts.tokens import issue_token, revoke_token
from reports import services
from reports.models import Attachment, Report

from ..factories import PDF, complete
from .conftest import client_for, make_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def evidence(draft_medan, operator_medan):
    return services.add_attachment(
        report_id=draft_medan.pk,
        user=operator_medan,
        file=SimpleUploadedFile("bukti.pdf", PDF),
        content_type="application/pdf",
    )


def test_another_satkers_report_rows_and_evidence_are_404_for_each_resource(
    draft_medan, evidence, operator_binjai
):
    complete(draft_medan)
    row = draft_medan.publications.get()
    client = client_for(operator_binjai)
    report = f"/api/v1/reports/{draft_medan.pk}"
    reads = [
        f"{report}/",
        f"{report}/publications/",
        f"{report}/activities/",
        f"{report}/dp3-villages/",
        f"{report}/dp3-activities/",
        f"{report}/attachments/",
        f"{report}/timeline/",
        f"/api/v1/attachments/{evidence.pk}/",
        f"/api/v1/attachments/{evidence.pk}/file/",
        "/api/v1/satker/12.71/",
    ]
    for url in reads:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["code"] == "not_found", url
    writes = [
        ("patch", f"{report}/"),
        ("post", f"{report}/publications/"),
        ("delete", f"{report}/publications/{row.pk}/"),
        ("post", f"{report}/attachments/"),
        ("delete", f"/api/v1/attachments/{evidence.pk}/"),
        ("post", f"{report}/submit/"),
        ("post", f"{report}/withdraw/"),
        ("post", f"{report}/approve/"),
        ("post", f"{report}/return/"),
    ]
    for method, url in writes:
        assert getattr(client, method)(url, {}, format="json").status_code == 404, url
    assert client.get("/api/v1/reports/").json()["count"] == 0
    assert [s["code"] for s in client.get("/api/v1/satker/").json()["results"]] == ["12.75"]
    assert Attachment.objects.count() == 1
    assert draft_medan.publications.count() == 1


def test_an_account_without_a_satker_sees_nothing(draft_medan, stranger):
    client = client_for(stranger)
    assert client.get("/api/v1/reports/").json()["count"] == 0
    assert client.get("/api/v1/satker/").json()["count"] == 0
    assert client.get(f"/api/v1/reports/{draft_medan.pk}/").status_code == 404


def test_reviewer_sees_the_province_and_kpu_ri_the_whole_tree(
    national_tree, draft_medan, reviewer_sumut
):
    from ..factories import staff

    province = client_for(reviewer_sumut).get("/api/v1/satker/?page_size=500").json()
    assert province["count"] == 34
    assert client_for(reviewer_sumut).get("/api/v1/satker/11/").status_code == 404
    ri_reader = staff("pembaca.kpuri", "00", "reviewer")
    tree = client_for(ri_reader, read_only=True)
    assert tree.get("/api/v1/satker/?level=provinsi").json()["count"] == 2
    aceh = tree.get("/api/v1/satker/?parent=11").json()["results"]
    assert [satker["code"] for satker in aceh] == ["11.01"]
    assert tree.get(f"/api/v1/reports/{draft_medan.pk}/").status_code == 200
    medan = tree.get("/api/v1/satker/12.71/").json()
    assert medan["parent"] == "12"
    assert [division["name"] for division in medan["divisions"]][:1] == ["Teknis Penyelenggaraan"]


def test_anonymous_is_401_in_the_one_format(draft_medan):
    response = client_for().get(f"/api/v1/reports/{draft_medan.pk}/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert response.json()["code"] == "not_authenticated"
    unknown = client_for().get("/api/v1/tidak-ada/")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "not_found"


def test_a_token_is_stored_hashed_and_names_its_user(operator_medan):
    token, secret = issue_token(
        user=operator_medan,
        name="Aplikasi humas Medan",
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert secret.startswith("bkh_")
    assert len(secret) > 40
    stored = ApiToken.objects.get()
    assert secret not in (stored.digest, stored.prefix, str(stored))
    assert stored.prefix == secret[:12]
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    me = client.get("/api/v1/me/").json()
    assert me["username"] == "operator.medan"
    assert me["role"] == "operator"
    assert me["satker"] == "12.71"
    assert me["token"]["name"] == "Aplikasi humas Medan"
    assert me["token"]["expires_at"].endswith("+07:00")
    stored.refresh_from_db()
    assert stored.last_used_at is not None


def test_revoked_expired_or_unknown_tokens_and_inactive_users_are_401(operator_medan, draft_medan):
    def status_with(secret):
        client = client_for()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        return client.get(f"/api/v1/reports/{draft_medan.pk}/")

    secret = make_token(operator_medan)
    assert status_with(secret).status_code == 200
    revoke_token(token=ApiToken.objects.get())
    revoked = status_with(secret)
    assert revoked.status_code == 401
    assert revoked.json() == {
        "code": "authentication_failed",
        "message": "Token API tidak dikenal, sudah dicabut, atau sudah kedaluwarsa.",
        "errors": [],
    }

    expiring = make_token(operator_medan)
    ApiToken.objects.filter(revoked_at__isnull=True).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert status_with(expiring).status_code == 401
    assert status_with("bkh_tebakan").status_code == 401

    active = make_token(operator_medan)
    operator_medan.is_active = False
    operator_medan.save()
    assert status_with(active).status_code == 401


def test_a_read_only_token_reads_but_cannot_write(draft_medan, operator_medan):
    client = client_for(operator_medan, read_only=True)
    etag = client.get(f"/api/v1/reports/{draft_medan.pk}/")["ETag"]
    refused = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {"obstacles": {"staff": "x"}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "read_only_token"
    assert "hanya untuk membaca" in refused.json()["message"]
    assert client.post(f"/api/v1/reports/{draft_medan.pk}/submit/").status_code == 403
    assert Report.objects.get(pk=draft_medan.pk).obstacles.staff == ""


def test_session_users_use_the_api_with_csrf(client, draft_medan, operator_medan):
    client.force_login(operator_medan)
    assert client.get(f"/api/v1/reports/{draft_medan.pk}/").status_code == 200
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(operator_medan)
    refused = strict.post(f"/api/v1/reports/{draft_medan.pk}/withdraw/")
    assert refused.status_code == 403
    assert refused.json()["code"] == "permission_denied"


def test_throttled_per_token_with_retry_after(settings, operator_medan, draft_medan):
    settings.API_THROTTLE_RATES = {"token": "3/minute", "user": "100/minute", "anon": "100/minute"}
    client, other = client_for(operator_medan), client_for(operator_medan)
    # Token ids repeat from one test database to the next; the cache outlives them.
    cache.delete_many([f"api-throttle:token:{t.pk}" for t in ApiToken.objects.all()])
    answers = [client.get("/api/v1/me/").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get("/api/v1/me/")
    assert limited.json()["code"] == "throttled"
    assert int(limited["Retry-After"]) > 0
    # Another token of the same person has its own allowance.
    assert other.get("/api/v1/me/").status_code == 200
    cache.delete_many([f"api-throttle:token:{t.pk}" for t in ApiToken.objects.all()])


def test_the_api_does_not_change_the_words_of_the_pages():
    """DRF is not an installed app: its catalogue would reword Django's own messages."""
    from django.utils import translation

    with translation.override("id"):
        assert translation.gettext("This field is required.") == "Bidang ini tidak boleh kosong."
        assert translation.gettext("Enter a valid URL.") == "Masukkan URL yang valid."


def test_a_users_other_tokens_stay_usable_after_one_is_revoked(operator_medan, draft_medan):
    first = client_for(operator_medan)
    second = client_for(operator_medan)
    revoke_token(token=ApiToken.objects.order_by("pk").first())
    assert first.get("/api/v1/me/").status_code == 401
    assert second.get("/api/v1/me/").status_code == 200
