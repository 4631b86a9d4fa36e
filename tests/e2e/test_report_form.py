"""The report form in the field: says where to fix, removes rows, shrinks photos, survives slow
data and a dropped connection, and works from the keyboard alone."""

import datetime
import io
import random
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from reports import services
from reports.models import Attachment, Report, ReportingPeriod, Status
from satker.models import Role

from ..factories import staff
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
# Chromium's "Slow 3G" preset: 400 ms round trips, about 400 kbit/s each way.
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1024 / 8,
    "uploadThroughput": 400 * 1024 / 8,
}


@pytest.fixture
def draft(live_server, page):
    period = ReportingPeriod.objects.create(
        year=2026, month=10, deadline=datetime.date(2026, 11, 10)
    )
    operator = staff("operator.nias", "12.04", Role.OPERATOR, first_name="Yusuf", last_name="Zebua")
    report = services.start_report(satker=operator.membership.satker, period=period, user=operator)
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "operator.nias")
    page.goto(f"{live_server.url}/laporan/{report.pk}/ubah/")
    return report


def answer_section_a(page):
    a = page.locator("#bagian-a")
    a.locator('input[name="a-bakohumas_formed"][value="false"]').check()
    a.locator('input[name="a-wa_group_formed"][value="false"]').check()
    a.locator('input[name="a-coordinated_with_pemda"][value="true"]').check()


def add_publication(page, title, url="https://kpu-nias.go.id/berita/1"):
    b = page.locator("#bagian-b")
    b.get_by_role("button", name="Tambah publikasi").click()
    row = b.locator("fieldset").last
    row.get_by_label("Tanggal").fill("2026-10-12")
    row.get_by_label("Kanal").select_option("website")
    row.get_by_label("Judul").fill(title)
    row.get_by_label("Tautan").fill(url)
    return row


def test_a_failed_save_goes_to_the_first_field_to_fix_and_the_bar_says_where(
    page, draft, screenshot
):
    answer_section_a(page)
    add_publication(page, "Sosialisasi di Gunungsitoli", url="bukan tautan")
    page.get_by_role("button", name="Simpan draf").click()

    expect(page.get_by_text("Ada isian yang perlu diperbaiki")).to_be_visible()
    bar = page.get_by_role("navigation", name="Bagian laporan")
    # Seen as "B ⚠ 1" and "A ✓"; read out as words.
    expect(
        bar.get_by_role("link", name=re.compile(r"^B 1 isian perlu diperbaiki"))
    ).to_contain_text("⚠ 1")
    expect(bar.get_by_role("link", name=re.compile(r"^A sudah diisi"))).to_contain_text("✓")
    expect(page.locator('input[name="publikasi-0-url"]')).to_be_focused()
    expect(page.locator('input[name="publikasi-0-title"]')).to_have_value(
        "Sosialisasi di Gunungsitoli"
    )
    screenshot("form-failed-save-phone")


def test_a_row_not_saved_yet_has_a_remove_button(page, draft):
    answer_section_a(page)
    row = add_publication(page, "Baris yang salah tambah")
    row.get_by_role("button", name=re.compile("Hapus baris ini")).click()
    expect(row).to_be_hidden()
    expect(page.get_by_role("button", name="Tambah publikasi")).to_be_focused()
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf tersimpan")).to_be_visible()
    assert not Report.objects.get(pk=draft.pk).publications.exists()


def noisy_photo(width=2400, height=1800) -> bytes:
    """A camera-sized PNG that does not compress away: several megabytes."""
    pixels = random.Random(3).randbytes(width * height * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", (width, height), pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_big_photo_is_made_smaller_before_it_is_sent(page, draft, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = noisy_photo()
    assert len(photo) > 5 * 1024 * 1024
    lampiran = page.locator("#lampiran")
    lampiran.get_by_label("Berkas lampiran").set_input_files(
        {"name": "kegiatan.png", "mimeType": "image/png", "buffer": photo}
    )
    expect(
        lampiran.get_by_text(re.compile(r"Foto diperkecil sebelum dikirim: .* menjadi"))
    ).to_be_visible()
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Lampiran «kegiatan.jpg» tersimpan.")).to_be_visible()

    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/jpeg"
    assert attachment.original_name == "kegiatan.jpg"
    assert attachment.size < len(photo) / 5
    with Image.open(attachment.file.path) as stored:
        assert max(stored.size) == 1600


def test_a_returned_report_puts_the_note_and_the_fix_button_first(live_server, page, screenshot):
    period = ReportingPeriod.objects.create(
        year=2026, month=10, deadline=datetime.date(2026, 11, 10)
    )
    operator = staff("operator.nias", "12.04", Role.OPERATOR)
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina")
    report = services.start_report(satker=operator.membership.satker, period=period, user=operator)
    from ..factories import complete

    complete(report)
    services.submit_report(report_id=report.pk, user=operator)
    services.return_report(
        report_id=report.pk, user=reviewer, note="Tautan publikasi kedua tidak bisa dibuka."
    )
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, "operator.nias")
    page.goto(f"{live_server.url}/laporan/{report.pk}/")

    note = page.get_by_role("alert").filter(has_text="Tautan publikasi kedua")
    expect(note).to_be_visible()
    expect(note.get_by_role("link", name="Perbaiki laporan")).to_be_visible()
    assert note.bounding_box()["y"] < 400  # first thing under the title, on a phone
    screenshot("returned-report-phone")


def test_slow_3g_with_a_connection_dropped_mid_save_loses_nothing(
    page, context, draft, live_server, screenshot
):
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    page.reload()
    answer_section_a(page)
    add_publication(page, "Sosialisasi pemilih pemula di Teluk Dalam")
    page.get_by_label("Rencana tindak lanjut").fill("Rapat koordinasi dengan Diskominfo.")

    # The signal goes while the save is on its way.
    page.route(
        re.compile(r"/ubah/$"),
        lambda route: (
            route.abort("internetdisconnected")
            if route.request.method == "POST"
            else route.continue_()
        ),
    )
    page.get_by_role("button", name="Simpan draf").click()
    offline = page.get_by_role("alert").filter(has_text="Koneksi terputus")
    expect(offline).to_be_visible(timeout=15000)
    expect(offline).to_contain_text("data Anda aman di perangkat ini; coba simpan lagi")
    expect(page.locator('input[name="publikasi-0-title"]')).to_have_value(
        "Sosialisasi pemilih pemula di Teluk Dalam"
    )
    screenshot("form-connection-lost-phone")
    assert not Report.objects.get(pk=draft.pk).publications.exists()

    # Back in signal: reload, restore the copy kept in the browser, send.
    page.unroute(re.compile(r"/ubah/$"))
    page.reload()
    banner = page.get_by_role("alert").filter(has_text="belum tersimpan di perangkat ini")
    expect(banner).to_be_visible(timeout=30000)
    banner.get_by_role("button", name="Pulihkan isian").click()
    page.get_by_role("button", name="Kirim ke KPU Provinsi").click()
    expect(page.get_by_text("Laporan terkirim ke KPU Provinsi")).to_be_visible(timeout=30000)

    report = Report.objects.get(pk=draft.pk)
    assert report.status == Status.SUBMITTED
    assert list(report.publications.values_list("title", flat=True)) == [
        "Sosialisasi pemilih pemula di Teluk Dalam"
    ]
    assert report.obstacles.follow_up == "Rapat koordinasi dengan Diskominfo."


def test_the_whole_report_can_be_filled_and_sent_from_the_keyboard(page, draft):
    """Tab from field to field, Space for choices, typing for text: no mouse at all."""
    plan = {
        "a-bakohumas_formed": "space-last",  # "Tidak": the second radio of the group
        "a-wa_group_formed": "space-last",
        "a-coordinated_with_pemda": "space-first",
        "publikasi-0-date": "type:10122026",
        "publikasi-0-channel": "key:ArrowDown",
        "publikasi-0-title": "type:Berita pemilih pemula",
    }
    done = set()
    page.keyboard.press("Tab")
    for _step in range(400):
        focused = page.evaluate(
            "() => { const el = document.activeElement; return {name: el.name || '', "
            "type: el.type || '', text: (el.textContent || '').trim(), "
            "value: el.value || ''}; }"
        )
        name, kind = focused["name"], focused["type"]
        if focused["text"] == "+ Tambah publikasi" and "publikasi" not in done:
            page.keyboard.press("Enter")  # adds a row and puts the cursor in it
            done.add("publikasi")
            continue
        if name == "action" and focused["value"] == "kirim" and len(done) > len(plan):
            page.keyboard.press("Enter")
            break
        action = plan.get(name)
        if action and name not in done:
            if kind == "radio":
                # Arrow keys move within a radio group; the first Tab lands on its first radio.
                if action == "space-last":
                    page.keyboard.press("ArrowRight")
                else:
                    page.keyboard.press("Space")
                done.add(name)
                page.keyboard.press("Tab")
                continue
            if action.startswith("type:"):
                page.keyboard.type(action.removeprefix("type:"))
            elif action.startswith("key:"):
                page.keyboard.press(action.removeprefix("key:"))
            done.add(name)
        page.keyboard.press("Tab")
    else:
        pytest.fail(f"Never reached the send button; filled {sorted(done)}")

    expect(page.get_by_text("Laporan terkirim ke KPU Provinsi")).to_be_visible()
    report = Report.objects.get(pk=draft.pk)
    assert report.status == Status.SUBMITTED
    assert (report.kelembagaan.bakohumas_formed, report.kelembagaan.coordinated_with_pemda) == (
        False,
        True,
    )
    assert report.publications.get().title == "Berita pemilih pemula"
