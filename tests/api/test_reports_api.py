"""Reports over the API: the same services, rules and messages as the edit page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports import services
from reports.models import Attachment, Publication, Report, ReportEvent, Status

from ..factories import PDF, complete
from .conftest import client_for

pytestmark = pytest.mark.django_db


def detail(client, report):
    response = client.get(f"/api/v1/reports/{report.pk}/")
    assert response.status_code == 200, response.content
    return response


def test_operator_creates_the_draft_of_an_open_period(october, operator_medan):
    client = client_for(operator_medan)
    created = client.post("/api/v1/reports/", {"period": "2026-10"}, format="json")
    assert created.status_code == 201, created.content
    report = Report.objects.get()
    assert (report.satker.code, report.period, report.status) == ("12.71", october, Status.DRAFT)
    assert created.json()["satker"] == {"code": "12.71", "name": "KPU Kota Medan"}
    assert created.json()["period"]["deadline"] == "2026-11-10"
    assert ReportEvent.objects.get().actor == operator_medan

    again = client.post("/api/v1/reports/", {"period": "2026-10"}, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == report.pk


def test_a_period_not_yet_open_is_a_field_error(operator_medan, october):
    response = client_for(operator_medan).post(
        "/api/v1/reports/", {"period": "2099-01"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "period"


def test_reviewer_cannot_create_a_satkers_report(october, reviewer_sumut):
    response = client_for(reviewer_sumut).post(
        "/api/v1/reports/", {"period": "2026-10", "satker": "12.71"}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == {
        "code": "permission_denied",
        "message": "Hanya operator satker ini yang dapat membuat laporannya.",
        "errors": [],
    }


def test_detail_has_every_section_iso_times_in_wib_numbers_as_numbers(draft_medan, operator_medan):
    complete(draft_medan)
    ReportEvent.objects.update(created_at=datetime.datetime(2026, 11, 3, 2, 0, tzinfo=datetime.UTC))
    client = client_for(operator_medan)
    body = detail(client, draft_medan).json()
    assert set(body) >= {
        "kelembagaan", "publications", "activities", "dp3_villages", "dp3_activities",
        "ppid", "obstacles", "attachments", "version",
    }  # fmt: skip
    assert body["kelembagaan"]["wa_member_count"] == 41
    assert body["kelembagaan"]["sk_date"] == "2026-02-03"
    assert body["publications"][0]["channel"] == "instagram"
    assert body["ppid"]["requests_received"] == 0
    assert body["created_at"].endswith("+07:00")
    timeline = client.get(f"/api/v1/reports/{draft_medan.pk}/timeline/").json()
    assert timeline[0]["at"] == "2026-11-03T09:00:00+07:00"
    assert timeline[0]["action"] == "created"
    assert timeline[0]["actor"]["username"] == "operator.medan"


def test_patch_writes_sections_through_the_service_with_if_match(draft_medan, operator_medan):
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    response = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {
            "kelembagaan": {"bakohumas_formed": True, "sk_number": "15/PP.08/2026"},
            "ppid": {"requests_received": 2, "requests_fulfilled": 2},
            "publications": [
                {"date": "2026-10-07", "channel": "website", "title": "Rakor", "url": "kpu.go.id"}
            ],
        },
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    assert response["ETag"] != etag
    report = Report.objects.get(pk=draft_medan.pk)
    assert report.kelembagaan.bakohumas_formed is True
    assert report.kelembagaan.sk_number == "15/PP.08/2026"
    assert report.ppid.requests_fulfilled == 2
    # The page's form assumes https:// for a link typed without it; so does the API.
    assert report.publications.get().url == "https://kpu.go.id"


def test_fields_not_sent_keep_their_values(draft_medan, operator_medan):
    complete(draft_medan)
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {"kelembagaan": {"coordination_notes": "Rapat dengan Diskominfo."}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    kelembagaan = Report.objects.get(pk=draft_medan.pk).kelembagaan
    assert kelembagaan.coordination_notes == "Rapat dengan Diskominfo."
    assert kelembagaan.sk_number == "12/PP.08-SD/1271/2026"
    assert draft_medan.publications.count() == 1  # publications not sent: untouched


def test_stale_or_missing_if_match_changes_nothing(draft_medan, operator_medan):
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    first = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {"obstacles": {"staff": "Satu operator."}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert first.status_code == 200
    second = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {"obstacles": {"staff": "Ditimpa?"}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert second.status_code == 412
    assert second.json()["code"] == "precondition_failed"
    missing = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/", {"obstacles": {"staff": "Ditimpa?"}}, format="json"
    )
    assert missing.status_code == 428
    assert Report.objects.get(pk=draft_medan.pk).obstacles.staff == "Satu operator."


def test_validation_messages_are_the_pages_per_field_in_the_requesters_language(
    draft_medan, operator_medan
):
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    body = {
        "ppid": {"requests_received": 3, "requests_fulfilled": 9},
        "publications": [{"date": "2026-10-07", "channel": "website", "title": "", "url": "x y"}],
    }
    response = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/", body, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    # The same words as the edit page (tests/reports/test_pages.py).
    assert errors == {
        "ppid": "Dipenuhi + ditolak + masih diproses harus sama dengan permohonan diterima.",
        "publications.0.title": "Bidang ini tidak boleh kosong.",
        "publications.0.url": "Masukkan URL yang valid.",
    }
    english = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        body,
        format="json",
        HTTP_IF_MATCH=etag,
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    errors = {error["field"]: error["message"] for error in english.json()["errors"]}
    assert errors["publications.0.url"] == "Enter a valid URL."
    assert english["Content-Language"] == "en"
    assert Report.objects.get(pk=draft_medan.pk).publications.count() == 0


def test_json_types_are_checked(draft_medan, operator_medan):
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    response = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {"ppid": {"requests_received": "3"}, "kelembagaan": {"sk_date": "03/02/2026"}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 400
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert errors == {
        "ppid.requests_received": "Masukkan keseluruhan angka bilangan.",
        "kelembagaan.sk_date": "Masukkan tanggal yang valid.",
    }


def test_rows_are_added_and_removed_one_by_one(draft_medan, operator_medan):
    client = client_for(operator_medan)
    url = f"/api/v1/reports/{draft_medan.pk}/activities/"
    activity = {
        "date": "2026-10-20",
        "kind": "sppb",
        "title": "Pendidikan pemilih pemula",
        "place": "SMA Negeri 1 Medan",
        "segment": "pemula",
        "participants": 120,
    }
    first = client.post(url, activity, format="json")
    second = client.post(url, {**activity, "title": "Kedua"}, format="json")
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["participants"] == 120
    assert [row["title"] for row in client.get(url).json()] == [
        "Pendidikan pemilih pemula",
        "Kedua",
    ]

    removed = client.delete(f"{url}{first.json()['id']}/")
    assert removed.status_code == 204
    assert list(draft_medan.activities.values_list("title", flat=True)) == ["Kedua"]
    assert client.delete(f"{url}{first.json()['id']}/").status_code == 404

    refused = client.post(url, {**activity, "participants": -1}, format="json")
    assert refused.status_code == 400
    assert refused.json()["errors"][0] == {
        "field": "activities.participants",
        "code": "min_value",
        "message": "Pastikan nilai ini lebih besar dari atau sama dengan 0.",
    }


def test_evidence_upload_is_checked_by_content_like_the_page(draft_medan, operator_medan):
    client = client_for(operator_medan)
    url = f"/api/v1/reports/{draft_medan.pk}/attachments/"
    refused = client.post(
        url, {"file": SimpleUploadedFile("bukti.pdf", b"<html><script></script></html>")}
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "file"
    assert (
        "bukan PDF, JPEG, PNG, WebP, DOCX atau XLSX yang sah"
        in refused.json()["errors"][0]["message"]
    )

    stored = client.post(
        url,
        {"file": SimpleUploadedFile("SK Bakohumas.pdf", PDF), "description": "SK"},
    )
    assert stored.status_code == 201, stored.content
    attachment = Attachment.objects.get()
    assert stored.json()["content_type"] == "application/pdf"
    assert stored.json()["size"] == len(PDF)
    download = client.get(stored.json()["download_url"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert "SK Bakohumas.pdf" in download["Content-Disposition"]

    assert client.delete(f"/api/v1/attachments/{attachment.pk}/").status_code == 204
    assert not Attachment.objects.exists()


def test_evidence_downloads_under_the_extension_of_what_it_is_as_on_the_page(
    draft_medan, operator_medan
):
    stored = client_for(operator_medan).post(
        f"/api/v1/reports/{draft_medan.pk}/attachments/",
        {"file": SimpleUploadedFile("x.pdf.exe", PDF)},
    )
    download = client_for(operator_medan).get(stored.json()["download_url"])
    assert download["Content-Disposition"] == 'attachment; filename="x.pdf"'
    assert download["Content-Type"] == "application/pdf"


def test_submitting_an_incomplete_report_answers_409_with_the_workflow_message(
    draft_medan, operator_medan
):
    response = client_for(operator_medan).post(f"/api/v1/reports/{draft_medan.pk}/submit/")
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert response.json()["message"].startswith("Laporan belum dapat dikirim. Lengkapi dulu:")
    english = client_for(operator_medan).post(
        f"/api/v1/reports/{draft_medan.pk}/submit/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert english.json()["message"].startswith("The report cannot be sent yet. First complete:")


def test_operator_submits_and_withdraws(draft_medan, operator_medan):
    complete(draft_medan)
    client = client_for(operator_medan)
    submitted = client.post(f"/api/v1/reports/{draft_medan.pk}/submit/")
    assert submitted.status_code == 200
    assert submitted.json()["status"] == "submitted"
    assert submitted.json()["late"] is (Report.objects.get(pk=draft_medan.pk).late)
    assert isinstance(submitted.json()["late"], bool)
    edit = client.post(
        f"/api/v1/reports/{draft_medan.pk}/publications/",
        {"date": "2026-10-07", "channel": "website", "title": "Terlambat"},
        format="json",
    )
    assert edit.status_code == 409
    assert "tidak dapat diubah lagi" in edit.json()["message"]
    withdrawn = client.post(f"/api/v1/reports/{draft_medan.pk}/withdraw/")
    assert withdrawn.json()["status"] == "draft"


def test_reviewer_returns_with_a_note_and_cannot_approve_twice(submitted_medan, reviewer_sumut):
    client = client_for(reviewer_sumut)
    no_note = client.post(
        f"/api/v1/reports/{submitted_medan.pk}/return/", {"note": " "}, format="json"
    )
    assert no_note.status_code == 400
    assert no_note.json()["errors"] == [
        {
            "field": "note",
            "code": "invalid",
            "message": "Tuliskan catatan apa yang harus diperbaiki sebelum mengembalikan laporan.",
        }
    ]
    returned = client.post(
        f"/api/v1/reports/{submitted_medan.pk}/return/", {"note": "Lengkapi tautan."}, format="json"
    )
    assert returned.status_code == 200
    assert returned.json()["status"] == "returned"
    again = client.post(f"/api/v1/reports/{submitted_medan.pk}/approve/", {}, format="json")
    assert again.status_code == 409
    assert "sudah diproses" in again.json()["message"]


def test_operator_cannot_approve_and_reviewer_cannot_edit(
    submitted_medan, operator_medan, reviewer_sumut
):
    refused = client_for(operator_medan).post(f"/api/v1/reports/{submitted_medan.pk}/approve/")
    assert refused.status_code == 403
    assert refused.json()["message"].startswith("Hanya reviewer KPU Provinsi")
    services.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="Perbaiki.")
    reviewer = client_for(reviewer_sumut)
    etag = detail(reviewer, submitted_medan)["ETag"]
    edit = reviewer.patch(
        f"/api/v1/reports/{submitted_medan.pk}/",
        {"obstacles": {"staff": "x"}},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert edit.status_code == 403
    assert edit.json()["message"] == "Hanya operator satker ini yang dapat mengubah laporannya."
    assert Report.objects.get(pk=submitted_medan.pk).status == Status.RETURNED


def test_list_filters(submitted_medan, draft_medan, reviewer_sumut, operator_binjai, october):
    binjai = services.start_report(
        satker=operator_binjai.membership.satker, period=october, user=operator_binjai
    )
    client = client_for(reviewer_sumut)

    def codes(query):
        response = client.get(f"/api/v1/reports/?{query}")
        assert response.status_code == 200, response.content
        return [row["satker"]["code"] for row in response.json()["results"]]

    assert codes("") == ["12.71", "12.75"]
    assert codes("status=submitted") == ["12.71"]
    assert codes("satker=12.75") == ["12.75"]
    assert codes("period=2026-10&year=2026") == ["12.71", "12.75"]
    assert codes("period=2026-09") == []
    # Sent after 10 November (the suite runs later): late; Binjai's draft was never sent.
    assert codes("late=true") == ["12.71"]
    assert codes("late=false") == []
    assert binjai.late is None
    bad = client.get("/api/v1/reports/?period=oktober")
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["field"] == "period"


def test_publication_rows_replace_the_list_by_id(draft_medan, operator_medan):
    complete(draft_medan, publications=2)
    kept, dropped = draft_medan.publications.all()
    client = client_for(operator_medan)
    etag = detail(client, draft_medan)["ETag"]
    response = client.patch(
        f"/api/v1/reports/{draft_medan.pk}/",
        {
            "publications": [
                {"id": kept.pk, "date": "2026-10-05", "channel": "website", "title": "Diubah"},
                {"date": "2026-10-09", "channel": "tiktok", "title": "Baru"},
            ]
        },
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200, response.content
    titles = dict(Publication.objects.filter(report=draft_medan).values_list("pk", "title"))
    assert titles[kept.pk] == "Diubah"
    assert dropped.pk not in titles
    assert sorted(titles.values()) == ["Baru", "Diubah"]


def test_filters_refuse_values_their_schema_refuses(reviewer_sumut, submitted_medan):
    client = client_for(reviewer_sumut)
    for query in ["late=1656", "status=", "status=dibuang", "year=dua", "page_size=true"]:
        response = client.get(f"/api/v1/reports/?{query}")
        assert response.status_code == 400, query
        assert response.json()["code"] == "invalid", query
    assert client.get("/api/v1/satker/?level=").status_code == 400
    assert client.get("/api/v1/reports/?late=TRUE").status_code == 200


def test_malformed_requests_are_explained_in_indonesian(operator_medan, october):
    client = client_for(operator_medan)
    wrong = client.post("/api/v1/reports/", {"period": "Oktober"}, format="json")
    assert wrong.json()["errors"] == [
        {
            "field": "period",
            "code": "invalid",
            "message": "Tulis periode sebagai tahun-bulan, mis. 2026-10.",
        }
    ]
    broken = client.post("/api/v1/reports/", "{tidak json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.json()["code"] == "parse_error"
    assert broken.json()["message"].startswith("Isi permintaan tidak dapat dibaca")
    not_object = client.post("/api/v1/reports/", [], format="json")
    assert not_object.json()["errors"][0]["message"] == "Isi dengan objek JSON ({…})."
