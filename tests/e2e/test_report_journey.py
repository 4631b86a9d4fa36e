"""The monthly report from first draft to approval, in a real browser, desktop and phone."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from reports.models import Report, ReportingPeriod, Status
from satker.models import Role

from ..factories import PDF, staff
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


def sign_out(page):
    # The menu's own Keluar button is clicked in test_sign_in (phone); here only the session
    # matters, whatever size the page was left at.
    page.locator('form[action="/akun/keluar/"]').evaluate("form => form.requestSubmit()")
    expect(page).to_have_url(re.compile(r"/akun/masuk/$"))


def both_sizes(page, screenshot, name):
    screenshot(f"{name}-desktop")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
    screenshot(f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def fill_every_section(page):
    a = page.locator("#bagian-a")
    a.locator('input[name="a-bakohumas_formed"][value="true"]').check()
    a.get_by_label("Nomor SK pembentukan").fill("15/PP.08-SD/1271/2026")
    a.get_by_label("Tanggal SK").fill("2026-02-03")
    a.locator('input[name="a-wa_group_formed"][value="true"]').check()
    a.get_by_label("Jumlah anggota grup WhatsApp").fill("41")
    a.get_by_label("Bawaslu").check()
    a.get_by_label("Diskominfo Pemkab/Pemko").check()
    a.locator('input[name="a-coordinated_with_pemda"][value="true"]').check()

    b = page.locator("#bagian-b")
    b.get_by_role("button", name="Tambah publikasi").click()
    b.get_by_label("Tanggal").fill("2026-10-07")
    b.get_by_label("Kanal").select_option("instagram")
    b.get_by_label("Judul").fill("Ayo cek DPT online")
    b.get_by_label("Tautan").fill("https://instagram.com/kpukotamedan/p/abc")

    c = page.locator("#bagian-c")
    c.get_by_role("button", name="Tambah kegiatan").click()
    c.get_by_label("Tanggal").fill("2026-10-20")
    c.get_by_label("Jenis").select_option("sppb")
    c.get_by_label("Nama kegiatan").fill("Pendidikan pemilih pemula SMA Negeri 1 Medan")
    c.get_by_label("Tempat").fill("SMA Negeri 1 Medan")
    c.get_by_label("Segmen sasaran").select_option("pemula")
    c.get_by_label("Jumlah peserta").fill("120")

    d = page.locator("#bagian-d")
    d.get_by_role("button", name="Tambah desa lokus").click()
    d.get_by_label("Desa/kelurahan").first.fill("Kelurahan Sei Mati")
    d.get_by_label("Kecamatan").fill("Medan Maimun")
    d.get_by_label("Kader perempuan").fill("10")
    d.get_by_label("Kader pemilih pemula").fill("8")
    d.get_by_role("button", name="Tambah kegiatan DP3").click()
    d.locator('input[name="dp3-0-date"]').fill("2026-10-25")
    d.locator('input[name="dp3-0-village"]').fill("Kelurahan Sei Mati")
    d.locator('input[name="dp3-0-title"]').fill("Pelatihan kader DP3")
    d.locator('input[name="dp3-0-participants"]').fill("25")

    e = page.locator("#bagian-e")
    e.get_by_label("Permohonan informasi diterima").fill("3")
    e.get_by_label("Dipenuhi").fill("2")
    e.get_by_label("Masih diproses").fill("1")
    e.get_by_label("Daftar Informasi Publik (DIP) diperbarui?").check()

    page.locator("#bagian-f").get_by_label("Rencana tindak lanjut").fill(
        "Rapat koordinasi dengan Diskominfo pada November."
    )
    lampiran = page.locator("#lampiran")
    lampiran.get_by_label("Berkas lampiran").set_input_files(
        {"name": "SK Bakohumas Kota Medan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    lampiran.get_by_label("Keterangan").fill("SK pembentukan Bakohumas")


def test_operator_submits_reviewer_returns_operator_fixes_reviewer_approves(
    page, live_server, screenshot
):
    ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))
    staff("operator.medan", "12.71", Role.OPERATOR, first_name="Dedi", last_name="Lubis")
    staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")
    page.set_viewport_size(DESKTOP)

    # The operator creates the October report and fills every section.
    sign_in(page, live_server, "operator.medan")
    page.get_by_role("link", name="Laporan saya").click()
    both_sizes(page, screenshot, "01-laporan-saya")
    page.get_by_role("button", name="Buat laporan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Bakohumas Oktober 2026")
    fill_every_section(page)
    screenshot("02-edit-filled-desktop")
    page.get_by_role("button", name="Kirim ke KPU Provinsi").click()
    expect(page.get_by_text("Laporan terkirim ke KPU Provinsi")).to_be_visible()
    expect(page.get_by_role("link", name="SK Bakohumas Kota Medan.pdf")).to_be_visible()
    both_sizes(page, screenshot, "03-submitted")
    sign_out(page)

    # The reviewer finds it in the queue and returns it with a note.
    sign_in(page, live_server, "reviewer.sumut")
    page.get_by_role("link", name="Verifikasi", exact=True).click()
    both_sizes(page, screenshot, "04-review-queue")
    page.get_by_role("link", name="Kota Medan").click()
    page.get_by_role("button", name="Kembalikan untuk diperbaiki").click()
    expect(page.get_by_text("Tuliskan catatan apa yang harus diperbaiki")).to_be_visible()
    page.get_by_label("Catatan untuk operator").fill(
        "Tautan publikasi Instagram belum bisa dibuka."
    )
    both_sizes(page, screenshot, "05-review-page")
    page.get_by_role("button", name="Kembalikan untuk diperbaiki").click()
    expect(page.get_by_text("Laporan dikembalikan")).to_be_visible()
    sign_out(page)

    # The operator sees the note, fixes the link and sends again.
    sign_in(page, live_server, "operator.medan")
    page.get_by_role("link", name="Notifikasi").click()
    page.get_by_role("link", name=re.compile("dikembalikan untuk diperbaiki")).click()
    page.get_by_role("link", name="Perbaiki laporan").click()
    expect(page.get_by_text("Tautan publikasi Instagram belum bisa dibuka.")).to_be_visible()
    both_sizes(page, screenshot, "06-returned-edit")
    page.locator("#bagian-b").get_by_label("Tautan").fill("https://instagram.com/p/CekDPT2026")
    page.get_by_role("button", name="Kirim ke KPU Provinsi").click()
    expect(page.get_by_text("Laporan terkirim ke KPU Provinsi")).to_be_visible()
    sign_out(page)

    # The reviewer approves; the report is then locked.
    sign_in(page, live_server, "reviewer.sumut")
    page.get_by_role("link", name="Verifikasi", exact=True).click()
    page.get_by_role("link", name="Kota Medan").click()
    page.get_by_role("button", name="Setujui").click()
    expect(page.get_by_text("Laporan disetujui")).to_be_visible()
    sign_out(page)

    sign_in(page, live_server, "operator.medan")
    report = Report.objects.get()
    assert report.status == Status.APPROVED
    assert report.publications.get().url == "https://instagram.com/p/CekDPT2026"
    assert report.attachments.count() == 1
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.get_by_text("Laporan ini sudah disetujui dan terkunci.")).to_be_visible()
    expect(page.get_by_role("link", name="Ubah laporan")).to_have_count(0)
    expect(page.get_by_role("list").filter(has_text="menyetujui")).to_have_count(1)
    both_sizes(page, screenshot, "07-approved-read-only")
    page.goto(live_server.url + report.get_absolute_url() + "ubah/")
    expect(page).to_have_url(re.compile(rf"/laporan/{report.pk}/$"))
