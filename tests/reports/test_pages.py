"""The report pages: scope, what each role sees, query counts at two data sizes."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from reports import services
from reports.models import Activity, Attachment, Publication, Report, ReportingPeriod, Status

from ..factories import PDF, complete, staff

pytestmark = pytest.mark.django_db


def edit_data(report, **overrides):
    """A complete POST of the edit page, as the browser sends it."""
    data = {
        "a-bakohumas_formed": "true",
        "a-sk_number": "12/PP.08-SD/1271/2026",
        "a-sk_date": "2026-02-03",
        "a-wa_group_formed": "true",
        "a-wa_member_count": "41",
        "a-member_bawaslu": "on",
        "a-coordinated_with_pemda": "false",
        "e-requests_received": "3",
        "e-requests_fulfilled": "2",
        "e-requests_rejected": "0",
        "e-requests_in_process": "1",
        "e-objections": "0",
        "f-follow_up": "Rapat koordinasi dengan Diskominfo bulan depan.",
        "action": "simpan",
    }
    for prefix, rows in {"publikasi": [], "kegiatan": [], "desa": [], "dp3": []}.items():
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "200",
            }
        )
    data.update(overrides)
    return data


def with_publication(data, **fields):
    row = {"date": "2026-10-07", "channel": "website", "title": "Rakor Bakohumas Kota Medan"}
    row.update(fields)
    data["publikasi-TOTAL_FORMS"] = "1"
    data.update({f"publikasi-0-{key}": value for key, value in row.items()})
    return data


def test_operator_saves_a_draft_from_the_edit_page(client, draft_medan, operator_medan):
    client.force_login(operator_medan)
    response = client.post(
        f"/laporan/{draft_medan.pk}/ubah/", with_publication(edit_data(draft_medan))
    )
    assert response.status_code == 302
    report = Report.objects.get(pk=draft_medan.pk)
    assert report.kelembagaan.sk_number == "12/PP.08-SD/1271/2026"
    assert report.kelembagaan.member_bawaslu is True
    assert report.kelembagaan.coordinated_with_pemda is False
    assert report.ppid.requests_in_process == 1
    assert list(report.publications.values_list("title", flat=True)) == [
        "Rakor Bakohumas Kota Medan"
    ]
    assert "Draf tersimpan" in client.get(response["Location"]).text


def test_invalid_input_keeps_everything_typed_and_says_what_to_fix(
    client, draft_medan, operator_medan
):
    client.force_login(operator_medan)
    data = with_publication(edit_data(draft_medan), url="bukan tautan", title="Judul yang diketik")
    data["e-requests_fulfilled"] = "9"
    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", data)

    assert response.status_code == 200
    assert "Ada isian yang perlu diperbaiki" in response.text
    assert "Judul yang diketik" in response.text
    assert 'value="12/PP.08-SD/1271/2026"' in response.text
    # Each rule speaks once: the PPID sum is the model's constraint, not a second form check.
    assert response.text.count("harus sama dengan permohonan diterima") == 1
    assert "Masukkan URL yang valid." in response.text
    assert Report.objects.get(pk=draft_medan.pk).kelembagaan.sk_number == ""


def test_report_sent_by_a_colleague_meanwhile_keeps_what_was_typed(
    client, draft_medan, operator_medan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    colleague = staff("operator2.medan", "12.71")
    client.force_login(operator_medan)
    client.get(f"/laporan/{draft_medan.pk}/ubah/")  # the form is open on this phone...
    complete(draft_medan)
    services.submit_report(report_id=draft_medan.pk, user=colleague)  # ...and sent elsewhere

    data = with_publication(edit_data(draft_medan), title="Diketik sebelum terkirim")
    data["lampiran-file"] = SimpleUploadedFile("bukti.pdf", PDF, "application/pdf")
    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", data)

    assert response.status_code == 200
    assert "Lampiran tidak dapat ditambahkan: statusnya Menunggu verifikasi" in response.text
    assert "Diketik sebelum terkirim" in response.text
    assert not Attachment.objects.exists()
    assert list(tmp_path.rglob("*.pdf")) == []

    data.pop("lampiran-file")
    again = client.post(f"/laporan/{draft_medan.pk}/ubah/", data)
    assert again.status_code == 200
    assert "tidak dapat diubah lagi: statusnya Menunggu verifikasi" in again.text
    assert 'value="Diketik sebelum terkirim"' in again.text
    assert Report.objects.get(pk=draft_medan.pk).publications.count() == 1


def test_reviewer_posting_to_the_edit_page_changes_nothing(client, draft_medan, reviewer_sumut):
    client.force_login(reviewer_sumut)
    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", edit_data(draft_medan))
    assert "Hanya operator satker ini" in response.text
    assert Report.objects.get(pk=draft_medan.pk).kelembagaan.sk_number == ""


def test_send_from_the_edit_page_explains_what_is_missing(client, draft_medan, operator_medan):
    client.force_login(operator_medan)
    data = edit_data(draft_medan, action="kirim")
    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", data, follow=True)
    assert "Laporan belum dapat dikirim" in response.text
    assert Report.objects.get(pk=draft_medan.pk).status == Status.DRAFT


def test_send_from_the_edit_page_submits(client, draft_medan, operator_medan):
    client.force_login(operator_medan)
    data = with_publication(edit_data(draft_medan, action="kirim"))
    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", data, follow=True)
    assert "Laporan terkirim" in response.text
    assert Report.objects.get(pk=draft_medan.pk).status == Status.SUBMITTED


def test_valid_evidence_is_saved_under_a_generated_name_and_downloads(
    client, draft_medan, operator_medan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(operator_medan)
    data = edit_data(draft_medan)
    data["lampiran-file"] = SimpleUploadedFile("SK Bakohumas 2026.pdf", PDF, "application/pdf")
    data["lampiran-description"] = "SK pembentukan"
    assert client.post(f"/laporan/{draft_medan.pk}/ubah/", data).status_code == 302

    attachment = Attachment.objects.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith("lampiran/2026/")
    assert "SK Bakohumas" not in attachment.file.name
    download = client.get(f"/laporan/lampiran/{attachment.pk}/")
    assert download["Content-Disposition"].startswith("attachment")
    assert "SK Bakohumas 2026.pdf" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("laporan.pdf", b"MZ\x90\x00" + b"\x00" * 200, "bukan PDF, JPEG"),
        ("bukti.pdf", b"<!doctype html><html><script>alert(1)</script></html>", "bukan PDF, JPEG"),
        ("besar.pdf", PDF + b"0" * 4096, "terlalu besar"),
    ],
)
def test_refused_evidence_keeps_the_rest_of_the_form(
    client, draft_medan, operator_medan, settings, tmp_path, name, content, message
):
    settings.MEDIA_ROOT = tmp_path
    settings.ATTACHMENT_MAX_BYTES = 2048
    client.force_login(operator_medan)
    data = with_publication(edit_data(draft_medan), title="Publikasi yang tidak boleh hilang")
    data["a-sk_number"] = "SK yang diketik"
    data["lampiran-file"] = SimpleUploadedFile(name, content, "application/pdf")

    response = client.post(f"/laporan/{draft_medan.pk}/ubah/", data, follow=True)

    assert message in response.text
    assert not Attachment.objects.exists()
    report = Report.objects.get(pk=draft_medan.pk)
    assert report.kelembagaan.sk_number == "SK yang diketik"
    assert list(report.publications.values_list("title", flat=True)) == [
        "Publikasi yang tidak boleh hilang"
    ]


def test_evidence_downloads_under_the_extension_of_what_it_is(
    client, draft_medan, operator_medan, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    attachment = services.add_attachment(
        report_id=draft_medan.pk,
        user=operator_medan,
        file=SimpleUploadedFile("x.pdf.exe", PDF),
        content_type="application/pdf",
    )
    client.force_login(operator_medan)
    download = client.get(f"/laporan/lampiran/{attachment.pk}/")
    assert download["Content-Disposition"] == 'attachment; filename="x.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert attachment.file.name.endswith(".pdf")


def test_another_satkers_report_and_evidence_are_404(
    client, draft_medan, operator_medan, operator_binjai, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    attachment = services.add_attachment(
        report_id=draft_medan.pk,
        user=operator_medan,
        file=SimpleUploadedFile("bukti.pdf", PDF),
        content_type="application/pdf",
    )
    client.force_login(operator_binjai)
    for url in [
        f"/laporan/{draft_medan.pk}/",
        f"/laporan/{draft_medan.pk}/ubah/",
        f"/laporan/lampiran/{attachment.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(f"/laporan/{draft_medan.pk}/verifikasi/", {"action": "setujui"}).status_code
        == 404
    )
    assert client.post(f"/laporan/lampiran/{attachment.pk}/hapus/").status_code == 404
    assert Attachment.objects.count() == 1


def test_reviewer_reads_but_cannot_edit(client, draft_medan, reviewer_sumut):
    client.force_login(reviewer_sumut)
    assert client.get(f"/laporan/{draft_medan.pk}/").status_code == 200
    response = client.get(f"/laporan/{draft_medan.pk}/ubah/")
    assert response["Location"] == f"/laporan/{draft_medan.pk}/"


def test_reviewer_returns_with_a_note_through_the_page(client, submitted_medan, reviewer_sumut):
    client.force_login(reviewer_sumut)
    refused = client.post(
        f"/laporan/{submitted_medan.pk}/verifikasi/",
        {"action": "kembalikan", "note": ""},
        follow=True,
    )
    assert "Tuliskan catatan" in refused.text
    client.post(
        f"/laporan/{submitted_medan.pk}/verifikasi/",
        {"action": "kembalikan", "note": "Lengkapi tautan publikasi."},
    )
    assert Report.objects.get(pk=submitted_medan.pk).status == Status.RETURNED


def test_operator_cannot_approve_through_the_page(client, submitted_medan, operator_medan):
    client.force_login(operator_medan)
    response = client.post(
        f"/laporan/{submitted_medan.pk}/verifikasi/", {"action": "setujui"}, follow=True
    )
    assert "Hanya reviewer" in response.text
    assert Report.objects.get(pk=submitted_medan.pk).status == Status.SUBMITTED


def test_my_reports_lists_periods_with_the_next_action(client, draft_medan, operator_medan):
    ReportingPeriod.objects.create(year=2026, month=9, deadline=datetime.date(2026, 10, 12))
    client.force_login(operator_medan)
    response = client.get("/laporan/")
    assert "Oktober 2026" in response.text
    assert "Lanjutkan" in response.text
    assert "September 2026" in response.text
    assert "Buat laporan" in response.text


def test_review_queue_is_oldest_first_and_marks_late_reports(
    client, submitted_medan, reviewer_sumut, operator_binjai, october
):
    binjai = services.start_report(
        satker=operator_binjai.membership.satker, period=october, user=operator_binjai
    )
    complete(binjai)
    services.submit_report(report_id=binjai.pk, user=operator_binjai)
    Report.objects.filter(pk=binjai.pk).update(late=True)
    client.force_login(reviewer_sumut)
    response = client.get("/laporan/verifikasi/")
    assert [r.satker.code for r in response.context["reports"]] == ["12.71", "12.75"]
    assert "terlambat" in response.text


def test_operator_has_no_review_queue(client, operator_medan):
    client.force_login(operator_medan)
    assert client.get("/laporan/verifikasi/").status_code == 404


def make_reports(count, period, user_prefix="op"):
    """`count` submitted reports of different satker for `period`."""
    from satker.models import Satker

    reports = []
    for satker in Satker.objects.regencies().order_by("code")[:count]:
        operator = staff(f"{user_prefix}.{satker.code}", satker.code)
        report = services.start_report(satker=satker, period=period, user=operator)
        complete(report, publications=3)
        reports.append(services.submit_report(report_id=report.pk, user=operator))
    return reports


@pytest.mark.parametrize("count", [1, 12])
def test_review_queue_query_count_is_fixed(
    client, reviewer_sumut, october, django_assert_num_queries, count
):
    make_reports(count, october)
    client.force_login(reviewer_sumut)
    # 1 session, 2 user, 3 mark the weekly digest read, 4 submitted reports with satker and
    # period, 5 unread notifications
    with django_assert_num_queries(5):
        response = client.get("/laporan/verifikasi/")
    assert len(response.context["reports"]) == count


@pytest.mark.parametrize("periods", [1, 12])
def test_my_reports_query_count_is_fixed(
    client, operator_medan, django_assert_num_queries, periods
):
    for month in range(1, periods + 1):
        period = ReportingPeriod.objects.create(
            year=2025, month=month, deadline=datetime.date(2025, month, 28)
        )
        services.start_report(
            satker=operator_medan.membership.satker, period=period, user=operator_medan
        )
    client.force_login(operator_medan)
    # 1 session, 2 user, 3 mark its reminders read, 4 periods, 5 the satker's reports for
    # them, 6 unread notifications
    with django_assert_num_queries(6):
        response = client.get("/laporan/")
    assert len(response.context["rows"]) == periods


@pytest.mark.parametrize("rows", [1, 15])
def test_report_page_query_count_is_fixed(
    client, draft_medan, operator_medan, reviewer_sumut, django_assert_num_queries, rows
):
    complete(draft_medan, publications=rows)
    Activity.objects.bulk_create(
        Activity(
            report=draft_medan,
            date=datetime.date(2026, 10, 1),
            kind="rakor",
            title=f"Rakor {i}",
            place="Kantor",
            segment="umum",
            participants=10,
        )
        for i in range(rows)
    )
    services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    client.force_login(reviewer_sumut)
    # 1 session, 2 user, 3 report with satker, parent, period and sections, 4 mark notifications
    # read, 5 publications, 6 activities, 7 villages, 8 DP3 activities, 9 attachments,
    # 10 events with actors, 11 unread notifications (after this page marked its own read)
    with django_assert_num_queries(11):
        response = client.get(f"/laporan/{draft_medan.pk}/")
    assert response.status_code == 200
    assert Publication.objects.filter(report=draft_medan).count() == rows


@pytest.mark.parametrize("rows", [1, 15])
def test_edit_page_query_count_is_fixed(
    client, draft_medan, operator_medan, django_assert_num_queries, rows
):
    complete(draft_medan, publications=rows)
    client.force_login(operator_medan)
    # 1 session, 2 user, 3 report with satker, parent, period and sections, 4-7 the rows of
    # publications, activities, villages and DP3 activities, 8 attachments, 9 whether there
    # is a publication yet (what is missing before sending; with one, activities are not asked),
    # 10 unread notifications
    with django_assert_num_queries(10):
        response = client.get(f"/laporan/{draft_medan.pk}/ubah/")
    assert response.status_code == 200
    assert response.text.count('name="publikasi-') > rows


def test_times_are_wib_and_month_names_follow_the_language(client, draft_medan, operator_medan):
    # 02.00 UTC is 09.00 in Medan (WIB, UTC+7).
    draft_medan.events.update(created_at=datetime.datetime(2026, 11, 3, 2, 0, tzinfo=datetime.UTC))
    client.force_login(operator_medan)
    page = client.get(f"/laporan/{draft_medan.pk}/")
    assert "3 Nov 2026 09.00 WIB" in page.text
    assert "Laporan Bakohumas Oktober 2026" in page.text
    assert "membuat draf" in page.text

    client.post("/bahasa/", {"language": "en", "next": "/"})
    english = client.get(f"/laporan/{draft_medan.pk}/")
    assert "October 2026" in english.text
    assert "Oktober" not in english.text


def test_resubmission_reads_as_such_in_the_timeline(
    client, submitted_medan, operator_medan, reviewer_sumut
):
    services.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="Perbaiki.")
    services.submit_report(report_id=submitted_medan.pk, user=operator_medan)
    client.force_login(reviewer_sumut)
    page = client.get(f"/laporan/{submitted_medan.pk}/").text
    timeline = page[page.index('id="judul-riwayat"') :]
    assert timeline.count("mengirim laporan") == 1
    assert timeline.count("mengirim ulang laporan") == 1
    assert "mengembalikan untuk diperbaiki" in timeline


def test_dp3_cadre_target_on_the_pages_is_the_models_number(
    client, draft_medan, operator_medan, monkeypatch
):
    from reports.templatetags import report_tags

    Dp3Village = draft_medan.dp3_villages.model
    Dp3Village.objects.create(report=draft_medan, name="Sei Mati", district="Medan Maimun")
    monkeypatch.setattr(report_tags, "DP3_CADRE_TARGET", 30)
    client.force_login(operator_medan)
    assert "(target 30 kader per desa)" in client.get(f"/laporan/{draft_medan.pk}/ubah/").text
    assert "Kader (target 30)" in client.get(f"/laporan/{draft_medan.pk}/").text
