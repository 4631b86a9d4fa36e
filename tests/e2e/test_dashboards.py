"""The province's dashboards in a real browser, on a desktop and on a 360 px phone."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from dashboards.seeding import seed_national
from exports.models import ExportJob
from satker.models import Role

from ..factories import staff
from .test_sign_in import no_horizontal_scroll, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reviewer(db):
    """A year of reports of Sumatera Utara's 33 satker, and its reviewer."""
    seed_national(years=1, provinces=["12"], rows_per_report=4)
    return staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")


def test_overview_on_a_desktop_and_a_phone(page, live_server, screenshot, reviewer, browser):
    sign_in(page, live_server, "reviewer.sumut")
    expect(page).to_have_url(re.compile(r"/dasbor/provinsi/12/$"))
    matrix = page.locator("table.dash-matrix")
    expect(matrix.locator("tbody tr")).to_have_count(33)
    expect(page.get_by_role("heading", name=re.compile("^Periode ini: "))).to_be_visible()
    expect(page.get_by_role("heading", name="Keterangan")).to_be_visible()
    # Every status cell has words for a screen reader, not only a colour.
    expect(matrix.locator("td.s-ok i").first).to_have_text(re.compile("disetujui"))
    screenshot("dasbor-provinsi-desktop")

    page.get_by_label("Tingkat").select_option("kota")
    page.get_by_role("button", name="Tampilkan").click()
    expect(page).to_have_url(re.compile(r"tingkat=kota"))
    expect(matrix.locator("tbody tr")).to_have_count(8)

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/dasbor/provinsi/12/")
    assert no_horizontal_scroll(page)
    scroller = page.locator(".dash-scroll").first
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")  # the matrix scrolls...
    scroller.evaluate("e => { e.scrollIntoView(); e.scrollLeft = 400; }")
    assert scroller.evaluate("e => e.scrollLeft") > 0
    name = matrix.locator("tbody th").first
    expect(name).to_be_in_viewport()  # ...with the satker names fixed at its left edge
    assert name.bounding_box()["x"] - scroller.bounding_box()["x"] < 2
    screenshot("dasbor-provinsi-phone")


def test_overview_first_load_is_under_200_kb(page, live_server, reviewer, browser):
    sign_in(page, live_server, "reviewer.sumut")
    expect(page).to_have_url(re.compile(r"/dasbor/provinsi/12/$"))
    # A fresh browser (empty cache) with the same session: everything the page loads.
    fresh = browser.new_context(storage_state=page.context.storage_state())
    responses = []
    first = fresh.new_page()
    first.on("response", lambda response: responses.append(response))
    first.goto(live_server.url + "/dasbor/provinsi/12/")
    first.wait_for_load_state("networkidle")
    total = sum(len(response.body()) for response in responses)
    assert total < 200 * 1024, f"first load is {total / 1024:.0f} KB"
    assert not any("chart" in response.url for response in responses)
    fresh.close()


def test_satker_page_draws_its_charts(page, live_server, screenshot, reviewer):
    sign_in(page, live_server, "reviewer.sumut")
    page.goto(live_server.url + "/dasbor/satker/12.71/")
    expect(page.get_by_role("heading", level=1)).to_have_text("KPU Kota Medan")
    # Each chart is drawn once it comes near the screen.
    for canvas in page.locator("canvas").all():
        canvas.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('canvas')].every(c => window.Chart?.getChart(c))"
    )
    expect(page.get_by_role("heading", name="Publikasi per kanal per bulan")).to_be_visible()
    screenshot("dasbor-satker-grafik-desktop")

    # On a phone the charts are below the fold: Chart.js is not even fetched until the
    # reader scrolls down to them, so the figures at the top are usable at once.
    chart_requests = []
    page.on("request", lambda r: "chart.umd" in r.url and chart_requests.append(r.url))
    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    page.wait_for_load_state("load")
    assert chart_requests == []
    page.locator("canvas").first.scroll_into_view_if_needed()
    page.wait_for_function("() => window.Chart?.getChart(document.querySelector('canvas'))")
    assert len(chart_requests) == 1
    assert no_horizontal_scroll(page)
    screenshot("dasbor-satker-grafik-phone")


def test_export_progress_bar_moves_to_a_download_link(
    page, live_server, screenshot, reviewer, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    from satker.models import User

    job = ExportJob.objects.create(
        user=User.objects.get(username="reviewer.sumut"), kind="baris", format="xlsx",
        params={"code": "12", "tahun": 2026, "bagian": "publikasi", "dari": 1, "sampai": 12},
        title="B. Publikasi Provinsi Sumatera Utara, Jan–Des 2026",
        status=ExportJob.Status.RUNNING, progress=40,
    )  # fmt: skip
    sign_in(page, live_server, "reviewer.sumut")
    page.goto(live_server.url + f"/ekspor/{job.pk}/")
    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("aria-valuenow", "40")
    expect(page.get_by_role("link", name=re.compile("^Unduh"))).to_be_hidden()
    screenshot("ekspor-kemajuan-desktop")
    page.set_viewport_size({"width": 360, "height": 740})
    assert no_horizontal_scroll(page)
    screenshot("ekspor-kemajuan-phone")

    job.file.save("publikasi-12-2026.xlsx", ContentFile(b"PK\x03\x04"), save=False)
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportJob.Status.DONE, progress=100, file=job.file.name,
        filename="publikasi-12-2026.xlsx",
    )  # fmt: skip
    download = page.get_by_role("link", name="Unduh publikasi-12-2026.xlsx")
    expect(download).to_be_visible(timeout=5000)  # the page polled and found it done
    expect(bar).to_have_attribute("aria-valuenow", "100")
    page.wait_for_timeout(800)  # Bootstrap eases the bar's width over 0.6 s
    screenshot("ekspor-selesai-phone")


def test_a_province_export_downloads_at_once(page, live_server, reviewer):
    sign_in(page, live_server, "reviewer.sumut")
    with page.expect_download() as download:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    assert re.fullmatch(r"kepatuhan-12-\d{4}\.xlsx", download.value.suggested_filename)
