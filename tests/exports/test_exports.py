"""Exports: Excel read back with openpyxl, PDF text read back with pypdf, jobs and scope."""

import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from exports.models import ExportJob
from exports.services import sweep_exports
from reports.models import Activity, Publication, Report
from satker.models import Role

from ..factories import staff

pytestmark = pytest.mark.django_db


def export(client, **fields):
    return client.post("/ekspor/buat/", {"tahun": "2026", **fields})


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return load_workbook(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    """The PDF's words, one space apart (a name may wrap inside its table cell)."""
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_matrix_excel_has_real_numbers_a_frozen_header_and_its_filters(
    client, reviewer_uji, year_of_reports
):
    client.force_login(reviewer_uji)
    book = workbook(export(client, kind="matriks", format="xlsx", code="99", tingkat=""))
    assert book.sheetnames == ["Keterangan", "Per satker", "Per bulan"]

    sheet = book["Per satker"]
    header = [cell.value for cell in sheet[1]]
    assert header[:4] == ["Kode", "Satker", "Jan", "Feb"]
    assert header[-5:] == [
        "Laporan masuk",
        "Tepat waktu",
        "Laporan wajib",
        "% masuk",
        "% tepat waktu",
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:S4"
    assert sheet.column_dimensions["B"].width == 26
    alfa = [cell for cell in sheet[2]]
    assert [alfa[0].value, alfa[1].value] == ["99.01", "Kabupaten Alfa"]
    assert alfa[2].value == "Disetujui"
    assert alfa[6].value == "Disetujui (terlambat)"  # May: late, then approved
    assert alfa[7].value == "Belum lapor, batas waktu lewat"  # June
    received, on_time, expected, rate = (cell.value for cell in alfa[14:18])
    assert (received, on_time, expected) == (6, 5, 9)
    assert isinstance(received, int)
    assert rate == pytest.approx(6 / 9)
    assert alfa[17].number_format == "0.0%"

    months = book["Per bulan"]
    june = [cell.value for cell in months[7]]
    assert june == ["Juni", 0, 0, 2, 0, 0]
    total = [cell.value for cell in months[14]]
    assert total[:4] == ["Seluruhnya", 16, 13, 21]

    about = {row[0].value: row[1].value for row in book["Keterangan"].iter_rows(min_row=4)}
    assert about["Cakupan"] == "99 KPU Provinsi Uji"
    assert about["Tahun"] == "2026"
    assert isinstance(about["Dibuat (WIB)"], datetime.datetime)


def test_every_publication_of_a_year_with_dates_as_dates(client, reviewer_uji, year_of_reports):
    alfa_january = Report.objects.get(satker__code="99.01", period__month=1)
    Publication.objects.create(
        report=alfa_january, date=datetime.date(2026, 1, 17), channel="tiktok",
        title="Ayo cek DPT", url="https://tiktok.com/@kpu/1", reach=1234,
    )  # fmt: skip
    client.force_login(reviewer_uji)
    book = workbook(export(client, kind="baris", format="xlsx", code="99", bagian="publikasi"))
    sheet = book["B. Publikasi"]
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["Kode satker", "Satker", "Tahun", "Bulan", "Status laporan", "Tanggal"]
    rows = [[cell for cell in row] for row in sheet.iter_rows(min_row=2)]
    tiktok = next(row for row in rows if row[7].value == "Ayo cek DPT")
    assert tiktok[5].is_date  # a date cell, not text
    assert tiktok[5].value.date() == datetime.date(2026, 1, 17)
    assert tiktok[5].number_format == "dd/mm/yyyy"
    assert tiktok[6].value == "TikTok"
    assert tiktok[9].value == 1234
    assert tiktok[4].value == "Disetujui"


def test_recap_pdf_is_a4_with_heading_pages_and_indonesian_numbers(
    client, reviewer_uji, year_of_reports, today
):
    report = Report.objects.get(satker__code="99.02", period__month=2)
    Activity.objects.create(
        report=report, date=datetime.date(2026, 2, 14), kind="sppb", title="Pemilih pemula",
        place="Aula", segment="pemula", participants=1250,
    )  # fmt: skip
    client.force_login(reviewer_uji)
    response = export(client, kind="rekap", format="pdf", code="99")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    box = reader.pages[0].mediabox
    assert sorted([round(float(box.width)), round(float(box.height))]) == [595, 842]  # A4
    text = pdf_text(response.content)
    assert "KPU PROVINSI UJI" in text
    assert "Kabupaten Beta" in text
    assert "Kota Gama" in text
    assert "1.250" in text  # participants, Indonesian thousands separator
    assert "Halaman 1 dari" in text
    assert "Dicetak 5 November 2026" in text


def test_matrix_pdf_names_months_in_indonesian(client, reviewer_uji, year_of_reports, today):
    client.force_login(reviewer_uji)
    text = pdf_text(export(client, kind="matriks", format="pdf", code="99").content)
    for words in ["Kabupaten Alfa", "Januari", "Oktober", "Desember", "Seluruhnya", "76,2%"]:
        assert words in text, words


def test_a_national_export_is_a_job_with_progress_and_a_download(
    client, national_tree, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    reviewer_ri = staff("reviewer.ri", "00", Role.REVIEWER)
    client.force_login(reviewer_ri)
    with django_capture_on_commit_callbacks(execute=True):  # the task is sent on commit
        response = export(client, kind="matriks", format="xlsx", code="00")
    job = ExportJob.objects.get()
    assert response["Location"] == f"/ekspor/{job.pk}/"
    page = client.get(response["Location"]).text
    assert 'role="progressbar"' in page
    assert "Unduh kepatuhan-00-2026.xlsx" in page
    assert client.get(f"/ekspor/{job.pk}/status/").json()["progress"] == 100
    book = workbook(client.get(f"/ekspor/{job.pk}/unduh/"))
    assert book["Per provinsi"]["B2"].value == "Provinsi Aceh"
    assert list(tmp_path.rglob("*.xlsx")) != []


@pytest.mark.parametrize("who", ["reviewer_sumut", "operator_medan", "stranger"])
def test_another_users_export_is_404(client, request, national_tree, settings, tmp_path, who):
    settings.MEDIA_ROOT = tmp_path
    owner = staff("reviewer.ri", "00", Role.REVIEWER)
    job = ExportJob.objects.create(user=owner, kind="matriks", format="xlsx", title="Nasional",
                                   params={"code": "00", "tahun": 2026})  # fmt: skip
    client.force_login(request.getfixturevalue(who))
    for url in [f"/ekspor/{job.pk}/", f"/ekspor/{job.pk}/status/", f"/ekspor/{job.pk}/unduh/"]:
        assert client.get(url).status_code == 404, url
    assert "Nasional" not in client.get("/ekspor/").text


@pytest.mark.parametrize("who", ["operator_binjai", "stranger"])
def test_another_provinces_figures_cannot_be_exported(client, request, national_tree, who):
    reviewer_aceh = staff("reviewer.aceh", "11", Role.REVIEWER)
    for user in [reviewer_aceh, request.getfixturevalue(who)]:
        client.force_login(user)
        for kind in ["matriks", "peringkat", "rekap"]:
            assert export(client, kind=kind, format="xlsx", code="12").status_code == 404
        baris = export(client, kind="baris", format="xlsx", code="12.71", bagian="kegiatan")
        assert baris.status_code == 404
    assert not ExportJob.objects.exists()


def test_an_operator_exports_the_rows_of_their_own_satker(client, submitted_medan, operator_medan):
    client.force_login(operator_medan)
    book = workbook(export(client, kind="baris", format="xlsx", code="12.71", bagian="publikasi"))
    assert book["B. Publikasi"]["H2"].value == "Sosialisasi pemilih pemula 1"


def test_the_sweep_removes_old_files_and_resends_forgotten_jobs(reviewer_sumut, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    now = timezone.now()
    old = ExportJob.objects.create(user=reviewer_sumut, kind="matriks", format="xlsx", title="Lama",
                                   params={"code": "12", "tahun": 2026}, status="done",
                                   created_at=now - datetime.timedelta(days=8))  # fmt: skip
    old.file.save("lama.xlsx", ContentFile(b"x"))
    old_file = tmp_path / old.file.name
    assert old_file.exists()
    kept = ExportJob.objects.create(user=reviewer_sumut, kind="matriks", format="xlsx",
                                    title="Baru", params={"code": "12", "tahun": 2026},
                                    created_at=now - datetime.timedelta(minutes=10))  # fmt: skip
    assert sweep_exports(now=now) == {"removed": 1, "stuck": 0, "resent": 1}
    assert not ExportJob.objects.filter(pk=old.pk).exists()
    assert not old_file.exists()
    kept.refresh_from_db()
    assert kept.status == ExportJob.Status.DONE  # resent and built (tasks run eagerly here)
