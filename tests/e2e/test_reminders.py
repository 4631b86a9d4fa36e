"""Reminders as people meet them: the bell, the e-mail on a phone, the WhatsApp group text."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from notifications.models import Channel, Message
from notifications.rendering import render
from reminders.services import sweep
from reports import services
from reports.deadlines import default_deadline, month_before
from reports.models import ReportingPeriod
from satker.models import Role
from workdays.calendar import next_working_day

from ..factories import complete, staff
from .test_sign_in import no_horizontal_scroll, sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def overdue_period():
    """The month before last: its deadline (the 10th of last month) has passed."""
    last_year, last_month = month_before(timezone.localdate())
    year, month = month_before(datetime.date(last_year, last_month, 1))
    return ReportingPeriod.objects.create(
        year=year, month=month, deadline=default_deadline(year, month)
    )


def test_the_operator_finds_the_reminder_under_the_bell_and_the_reviewer_copies_the_group_text(
    page, context, live_server, screenshot, overdue_period
):
    operator = staff("operator.medan", "12.71", Role.OPERATOR, first_name="Dedi", last_name="Lubis")
    binjai = staff("operator.binjai", "12.75", Role.OPERATOR)
    staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")
    report = services.start_report(
        satker=binjai.membership.satker, period=overdue_period, user=binjai
    )
    complete(report)
    services.submit_report(report_id=report.pk, user=binjai)
    sweep(day=next_working_day(overdue_period.deadline + datetime.timedelta(days=3)))

    # The e-mail, as a phone shows it.
    email = Message.objects.get(recipient=operator, channel=Channel.EMAIL, kind="reminder")
    page.set_viewport_size(PHONE)
    page.set_content(render(email).html)
    expect(page.get_by_text(re.compile(r"terlambat \d+ hari"))).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot("reminder-email-phone")

    # The operator signs in on a phone: the bell says one unread, the list says what is late.
    sign_in(page, live_server, "operator.medan")
    page.get_by_role("button", name="Buka menu").click()
    bell = page.get_by_role("link", name=re.compile("Notifikasi"))
    expect(bell).to_contain_text("1 belum dibaca")
    screenshot("reminder-bell-phone-menu")
    bell.click()
    line = page.get_by_role("link", name=re.compile(r"Pengingat: Laporan .+ terlambat \d+ hari"))
    expect(line).to_be_visible()
    assert no_horizontal_scroll(page)
    screenshot("reminder-list-phone")
    line.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan bulanan")
    page.locator('form[action="/akun/keluar/"]').evaluate("form => form.requestSubmit()")
    expect(page).to_have_url(re.compile(r"/akun/masuk/$"))

    # The reviewer copies the ready-made message for the satker's WhatsApp group.
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(page, live_server, "reviewer.sumut")
    page.goto(live_server.url + "/laporan/verifikasi/")
    page.get_by_role("link", name="Salin pesan untuk grup WA").click()
    page.get_by_role("button", name="Salin untuk grup WA").click()
    expect(page.get_by_role("status")).to_have_text(re.compile("Tersalin"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_by_label("Siap ditempel ke grup WhatsApp satker:").input_value()
    assert f"*Laporan Bakohumas {overdue_period.label}*" in copied
    assert "Kota Medan" in copied
    assert "Kota Binjai" not in copied  # it has sent
    assert no_horizontal_scroll(page)
    screenshot("reminder-group-message-phone")
