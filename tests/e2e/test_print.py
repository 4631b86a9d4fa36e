"""The report, the recap and the matrix print on A4: content only, nothing cut off."""

import datetime

import pytest
from playwright.sync_api import expect

from reports import services
from reports.models import ReportingPeriod
from satker.models import Role

from ..factories import complete, staff
from .test_field_fit import TOO_WIDE
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# A4 at 96 dots per inch, less the printer's margins: what a page has room for.
A4_PORTRAIT = {"width": 718, "height": 1047}


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("laporan", "/laporan/{pk}/"),
        ("rekap", "/dasbor/rekap/12.71/2026/"),
        ("matriks", "/dasbor/provinsi/12/?tahun=2026"),
    ],
)
def test_prints_on_a4_without_menus_or_cut_tables(page, live_server, screenshot, name, path):
    period = ReportingPeriod.objects.create(
        year=2026, month=10, deadline=datetime.date(2026, 11, 10)
    )
    operator = staff("operator.medan", "12.71", Role.OPERATOR)
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER)
    report = services.start_report(satker=operator.membership.satker, period=period, user=operator)
    complete(report, publications=4)
    services.submit_report(report_id=report.pk, user=operator)
    services.approve_report(report_id=report.pk, user=reviewer)

    sign_in(page, live_server, "reviewer.sumut")
    page.goto(live_server.url + path.format(pk=report.pk))
    page.set_viewport_size(A4_PORTRAIT)
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Navigasi utama")).to_be_hidden()
    expect(page.locator("footer")).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
    assert page.evaluate(TOO_WIDE) == [], name
    screenshot(f"print-{name}")
