"""A round trip over the REST API, checked in the browser: the same report, timeline, e-mail
and notification as when the pages are used."""

import datetime
import re

import pytest
import requests
from django.core import mail
from django.test import Client
from playwright.sync_api import expect

from notifications.models import Channel, Message
from reports import services
from reports.models import Report, ReportingPeriod, Status
from satker.models import Role

from ..api.conftest import make_token
from ..factories import PDF, complete, portal_lines, staff
from .test_sign_in import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


class Api:
    def __init__(self, live_server, user):
        self.base = live_server.url + "/api/v1"
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {make_token(user, name='Aplikasi uji')}"

    def __call__(self, method, path, expected=200, **kwargs):
        response = self.session.request(method, self.base + path, timeout=30, **kwargs)
        assert response.status_code == expected, response.text
        return response


EVERY_SECTION = {
    "kelembagaan": {
        "bakohumas_formed": True,
        "sk_number": "15/PP.08-SD/1271/2026",
        "sk_date": "2026-02-03",
        "wa_group_formed": True,
        "wa_member_count": 41,
        "member_bawaslu": True,
        "member_diskominfo": True,
        "coordinated_with_pemda": True,
        "coordination_notes": "Rapat bersama Diskominfo Kota Medan.",
    },
    "publications": [
        {
            "date": "2026-10-07",
            "channel": "instagram",
            "title": "Ayo cek DPT online",
            "url": "https://instagram.com/kpukotamedan/p/abc",
            "reach": 1250,
        }
    ],
    "activities": [
        {
            "date": "2026-10-20",
            "kind": "sppb",
            "title": "Pendidikan pemilih pemula SMA Negeri 1 Medan",
            "place": "SMA Negeri 1 Medan",
            "segment": "pemula",
            "participants": 120,
            "partner": "Dinas Pendidikan",
        }
    ],
    "dp3_villages": [
        {
            "name": "Kelurahan Sei Mati",
            "district": "Medan Maimun",
            "kind": "kelurahan",
            "cadres_women": 10,
            "cadres_first_time": 8,
        }
    ],
    "dp3_activities": [
        {
            "date": "2026-10-25",
            "village": "Kelurahan Sei Mati",
            "title": "Pelatihan kader DP3",
            "participants": 25,
        }
    ],
    "ppid": {
        "requests_received": 3,
        "requests_fulfilled": 2,
        "requests_in_process": 1,
        "dip_updated": True,
    },
    "obstacles": {"follow_up": "Rapat koordinasi dengan Diskominfo pada November."},
}


def test_a_system_reports_over_the_api_and_the_pages_show_the_same(page, live_server, screenshot):
    ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))
    september = ReportingPeriod.objects.create(
        year=2026, month=9, deadline=datetime.date(2026, 10, 12)
    )
    operator = staff("operator.medan", "12.71", Role.OPERATOR, first_name="Dedi", last_name="Lubis")
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")

    # The satker's own tool, with the operator's token: a draft, every section, a PDF, sent.
    satker_tool = Api(live_server, operator)
    created = satker_tool("POST", "/reports/", 201, json={"period": "2026-10"}).json()
    path = f"/reports/{created['id']}/"
    etag = satker_tool("GET", path).headers["ETag"]
    filled = satker_tool("PATCH", path, json=EVERY_SECTION, headers={"If-Match": etag}).json()
    assert filled["kelembagaan"]["wa_member_count"] == 41
    assert filled["dp3_villages"][0]["cadres_women"] == 10
    satker_tool(
        "POST",
        path + "attachments/",
        201,
        files={"file": ("SK Bakohumas Kota Medan.pdf", PDF, "application/pdf")},
        data={"description": "SK pembentukan Bakohumas"},
    )
    mail.outbox.clear()
    sent = satker_tool("POST", path + "submit/").json()
    assert sent["status"] == "submitted"
    assert [message.to for message in mail.outbox] == [[reviewer.email]]

    # September, sent too: the reviewer will return it on the page, to compare what goes out.
    page_report = services.start_report(
        satker=operator.membership.satker, period=september, user=operator
    )
    complete(page_report)
    services.submit_report(report_id=page_report.pk, user=operator)
    mail.outbox.clear()

    # KPU Provinsi's system, with the reviewer's token, returns October with a note...
    province = Api(live_server, reviewer)
    note = "Tautan publikasi Instagram belum bisa dibuka."
    province("POST", path + "withdraw/", 403)  # a reviewer never withdraws
    province("POST", path + "return/", json={"note": note})
    report = Report.objects.get(pk=created["id"])
    assert report.status == Status.RETURNED
    # ...and the reviewer returns September on the page.
    reviewer_browser = Client()
    reviewer_browser.force_login(reviewer)
    reviewer_browser.post(
        f"/laporan/{page_report.pk}/verifikasi/", {"action": "kembalikan", "note": note}
    )

    def outgoing(report_id):
        return sorted(
            (m.recipient.username, m.channel, m.kind, m.context["action"], m.context["note"])
            for m in Message.objects.filter(target_id=report_id)
        )

    assert outgoing(report.pk) == outgoing(page_report.pk)
    assert {message[1] for message in outgoing(report.pk)} >= {Channel.PORTAL, Channel.EMAIL}
    subjects = sorted(message.subject for message in mail.outbox)
    assert [s.replace("Oktober", "September") for s in subjects if "Oktober" in s] == [
        s for s in subjects if "September" in s
    ]
    assert portal_lines(operator)[:2] == [
        "Laporan September 2026 dikembalikan untuk diperbaiki.",
        "Laporan Oktober 2026 dikembalikan untuk diperbaiki.",
    ]

    # The operator opens the report in the browser: what the API wrote, who did what.
    sign_in(page, live_server, "operator.medan")
    page.goto(live_server.url + f"/laporan/{report.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Laporan Bakohumas Oktober 2026")
    for text in [
        "15/PP.08-SD/1271/2026",
        "Ayo cek DPT online",
        "Pendidikan pemilih pemula SMA Negeri 1 Medan",
        "Kelurahan Sei Mati",
        "Pelatihan kader DP3",
        "Rapat koordinasi dengan Diskominfo pada November.",
        note,
    ]:
        expect(page.get_by_text(text).first).to_be_visible()
    expect(page.get_by_role("link", name="SK Bakohumas Kota Medan.pdf")).to_be_visible()
    timeline = page.locator("section[aria-labelledby='judul-riwayat']")
    expect(timeline).to_contain_text(re.compile(r"Dedi Lubis\s+membuat draf"))
    expect(timeline).to_contain_text(re.compile(r"Dedi Lubis\s+mengirim laporan"))
    expect(timeline).to_contain_text(re.compile(r"Rina Siregar\s+mengembalikan untuk diperbaiki"))
    screenshot("api-round-trip-report-page")
    events = list(report.events.values_list("action", "actor__username"))
    assert ("returned", "reviewer.sumut") in events
    assert ("submitted", "operator.medan") in events
