"""A dropped connection does not lose what the operator typed."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from reports import services
from reports.models import Report, ReportingPeriod
from satker.models import Role

from ..factories import staff
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_typed_work_survives_a_dropped_connection(page, context, live_server, screenshot):
    period = ReportingPeriod.objects.create(
        year=2026, month=10, deadline=datetime.date(2026, 11, 10)
    )
    operator = staff("operator.nias", "12.04", Role.OPERATOR)
    report = services.start_report(satker=operator.membership.satker, period=period, user=operator)
    sign_in(page, live_server, "operator.nias")
    edit_url = f"{live_server.url}/laporan/{report.pk}/ubah/"
    page.goto(edit_url)

    page.get_by_label("Nomor SK pembentukan").fill("7/PP.08-SD/1204/2026")
    b = page.locator("#bagian-b")
    b.get_by_role("button", name="Tambah publikasi").click()
    b.get_by_label("Judul").fill("Sosialisasi di Gunungsitoli Idanoi")
    b.get_by_label("Tanggal").fill("2026-10-12")
    b.get_by_label("Kanal").select_option("facebook")

    context.set_offline(True)
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_load_state()
    context.set_offline(False)
    assert Report.objects.get(pk=report.pk).kelembagaan.sk_number == ""

    page.goto(edit_url)
    banner = page.get_by_role("alert").filter(has_text="belum tersimpan di perangkat ini")
    expect(banner).to_be_visible()
    # The time reads as Indonesians write it (14.05), following the page's language.
    expect(banner.locator("[data-backup-time]")).to_have_text(re.compile(r"^\d{2}\.\d{2}$"))
    screenshot("08-restore-after-dropped-connection-desktop")
    banner.get_by_role("button", name="Pulihkan isian").click()
    expect(page.get_by_label("Nomor SK pembentukan")).to_have_value("7/PP.08-SD/1204/2026")
    expect(b.get_by_label("Judul")).to_have_value("Sosialisasi di Gunungsitoli Idanoi")

    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf tersimpan")).to_be_visible()
    saved = Report.objects.get(pk=report.pk)
    assert saved.kelembagaan.sk_number == "7/PP.08-SD/1204/2026"
    assert list(saved.publications.values_list("title", "channel")) == [
        ("Sosialisasi di Gunungsitoli Idanoi", "facebook")
    ]
    expect(banner).to_be_hidden()  # the copy belonged to the old version: gone
