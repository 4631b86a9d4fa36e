import datetime
import re

import pytest

from notifications.models import Message
from notifications.services import notify
from reports.deadlines import default_deadline, month_before
from reports.models import (
    Action,
    Attachment,
    Report,
    ReportEvent,
    ReportingPeriod,
    Status,
)
from satker.models import Satker
from workdays.models import DayOff

date = datetime.date

PERIODS = "/admin/reports/reportingperiod/"
REPORTS = "/admin/reports/report/"


@pytest.fixture
def november():
    return ReportingPeriod.objects.create(year=2026, month=11, deadline=date(2026, 12, 10))


@pytest.fixture
def medan_report(november):
    return Report.objects.create(satker=Satker.objects.get(code="12.71"), period=november)


@pytest.mark.django_db
def test_period_changelist_and_change_page_load_for_superuser(admin_client, medan_report):
    november = medan_report.period
    listing = admin_client.get(PERIODS)
    assert listing.status_code == 200
    assert listing.context["cl"].result_list[0].report_count == 1
    assert "Kamis, 10 Desember 2026" in listing.text

    change = admin_client.get(f"{PERIODS}{november.pk}/change/")
    assert change.status_code == 200
    assert 'name="deadline"' in change.text
    assert 'name="month"' not in change.text  # reports hang off it: year and month are fixed


@pytest.mark.django_db
def test_period_list_is_newest_first(admin_client, november):
    ReportingPeriod.objects.create(year=2026, month=12, deadline=date(2027, 1, 11))
    ReportingPeriod.objects.create(year=2025, month=12, deadline=date(2026, 1, 12))
    response = admin_client.get(PERIODS)
    labels = [period.label for period in response.context["cl"].result_list]
    assert labels == ["Desember 2026", "November 2026", "Desember 2025"]


@pytest.mark.django_db
def test_period_add_form_prefills_default_deadline_for_requested_month(admin_client):
    response = admin_client.get(f"{PERIODS}add/?year=2027&month=3")
    assert response.status_code == 200
    initial = response.context["adminform"].form.initial
    assert (initial["year"], initial["month"], initial["deadline"]) == (2027, 3, date(2027, 4, 12))


@pytest.mark.django_db
def test_period_add_form_defaults_to_the_month_just_ended(admin_client):
    from django.utils import timezone

    year, month = month_before(timezone.localdate())
    initial = admin_client.get(f"{PERIODS}add/").context["adminform"].form.initial
    assert (initial["year"], initial["month"]) == (year, month)
    assert initial["deadline"] == default_deadline(year, month)


@pytest.mark.django_db
def test_period_add_form_ignores_a_garbled_month_in_the_url(admin_client):
    response = admin_client.get(f"{PERIODS}add/?year=2027&month=13")
    assert response.status_code == 200
    assert response.context["adminform"].form.initial["month"] != 13


@pytest.mark.django_db
def test_admin_adds_a_period(admin_client):
    response = admin_client.post(
        f"{PERIODS}add/", {"year": "2027", "month": "3", "deadline": "12-04-2027"}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    period = ReportingPeriod.objects.get()
    assert (period.year, period.month, period.deadline) == (2027, 3, date(2027, 4, 12))


@pytest.mark.django_db
def test_admin_cannot_set_a_deadline_inside_the_period_month(admin_client, november):
    response = admin_client.post(f"{PERIODS}{november.pk}/change/", {"deadline": "20-11-2026"})
    assert response.status_code == 200
    assert "Batas waktu harus sesudah akhir bulan periode" in response.text
    november.refresh_from_db()
    assert november.deadline == date(2026, 12, 10)


@pytest.mark.django_db
def test_admin_moves_a_deadline_and_is_told_it_differs_from_the_default(admin_client, november):
    response = admin_client.post(
        f"{PERIODS}{november.pk}/change/", {"deadline": "15-12-2026"}, follow=True
    )
    assert "bukan batas waktu bawaan" in response.text
    november.refresh_from_db()
    assert november.deadline == date(2026, 12, 15)


@pytest.mark.django_db
def test_day_off_added_in_admin_moves_the_default_deadline(admin_client):
    response = admin_client.post(
        "/admin/workdays/dayoff/add/", {"date": "12-03-2027", "name": "Cuti bersama Idul Fitri"}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert DayOff.objects.get().date == date(2027, 3, 12)
    assert default_deadline(2027, 2) == date(2027, 3, 15)


@pytest.mark.django_db
def test_day_off_on_an_open_period_deadline_warns_the_admin(admin_client, november):
    response = admin_client.post(
        "/admin/workdays/dayoff/add/",
        {"date": "10-12-2026", "name": "Cuti bersama"},
        follow=True,
    )
    assert "tidak berubah otomatis" in response.text
    november.refresh_from_db()
    assert november.deadline == date(2026, 12, 10)


@pytest.mark.django_db
def test_day_off_list_searches_by_name(admin_client):
    DayOff.objects.create(date=date(2027, 3, 12), name="Cuti bersama Idul Fitri")
    DayOff.objects.create(date=date(2027, 12, 24), name="Cuti bersama Natal")
    response = admin_client.get("/admin/workdays/dayoff/?q=natal")
    assert [day.name for day in response.context["cl"].result_list] == ["Cuti bersama Natal"]


@pytest.mark.django_db
def test_report_changelist_filters_and_searches(admin_client, medan_report):
    Report.objects.create(satker=Satker.objects.get(code="12.75"), period=medan_report.period)
    response = admin_client.get(f"{REPORTS}?q=medan&status=draft&satker__level=kota")
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [medan_report]


@pytest.mark.django_db
def test_report_change_page_is_read_only(admin_client, medan_report, operator_medan):
    ReportEvent.objects.create(
        report=medan_report,
        actor=operator_medan,
        action=Action.CREATED,
        from_status="",
        to_status=Status.DRAFT,
    )
    url = f"{REPORTS}{medan_report.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="status"' not in page.text
    assert 'name="_save"' not in page.text
    assert "operator.medan" in page.text  # the event inline, read-only

    response = admin_client.post(url, {"status": Status.APPROVED})
    assert response.status_code == 403
    medan_report.refresh_from_db()
    assert medan_report.status == Status.DRAFT


@pytest.mark.django_db
def test_reports_cannot_be_added_or_deleted_in_admin(admin_client, medan_report):
    assert admin_client.get(f"{REPORTS}add/").status_code == 403
    assert admin_client.get(f"{REPORTS}{medan_report.pk}/delete/").status_code == 403
    assert f'href="{REPORTS}add/"' not in admin_client.get(REPORTS).text


@pytest.mark.django_db
def test_events_attachments_and_outbox_messages_are_listed_read_only(
    admin_client, medan_report, operator_medan
):
    event = ReportEvent.objects.create(
        report=medan_report,
        actor=operator_medan,
        action=Action.CREATED,
        from_status="",
        to_status=Status.DRAFT,
    )
    attachment = Attachment.objects.create(
        report=medan_report,
        file="lampiran/2026/0123abcd.pdf",
        original_name="notulen-rakor.pdf",
        content_type="application/pdf",
        size=2048,
        uploaded_by=operator_medan,
    )
    [message] = notify(
        recipients=[operator_medan],
        kind="report_notice",
        context={"text": "Laporan dikembalikan"},
        channels=["email"],
    )
    Message.objects.filter(pk=message.pk).update(
        status=Message.Status.FAILED, last_error="SMTP 550: mailbox unavailable"
    )
    pages = [
        ("reports/reportevent", event, "?action=created&q=medan"),
        ("reports/attachment", attachment, "?q=notulen"),
        ("notifications/message", message, "?status=failed&channel=email&q=mailbox"),
    ]
    for model, obj, query in pages:
        listing = admin_client.get(f"/admin/{model}/{query}")
        assert listing.status_code == 200, model
        assert list(listing.context["cl"].result_list) == [obj], model
        assert admin_client.get(f"/admin/{model}/add/").status_code == 403, model
        detail = admin_client.get(f"/admin/{model}/{obj.pk}/change/")
        assert detail.status_code == 200, model
        assert 'name="_save"' not in detail.text, model
    # Lampiran are downloaded through the scoped view only, never a raw media link.
    detail = admin_client.get(f"/admin/reports/attachment/{attachment.pk}/change/")
    assert "lampiran/2026/0123abcd.pdf" in detail.text
    assert not re.search(r'href="[^"]*0123abcd\.pdf"', detail.text)


@pytest.mark.django_db
def test_reviewer_cannot_open_reports_admin(client, reviewer_sumut, medan_report):
    client.force_login(reviewer_sumut)
    for url in (REPORTS, f"{REPORTS}{medan_report.pk}/change/", PERIODS):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/"), url


@pytest.mark.django_db
def test_reports_admin_filters_by_satker(admin_client, draft_medan, operator_binjai, october):
    from reports import services

    services.start_report(
        satker=operator_binjai.membership.satker, period=october, user=operator_binjai
    )
    medan = draft_medan.satker
    response = admin_client.get(f"/admin/reports/report/?satker__id__exact={medan.pk}")
    assert [report.satker.code for report in response.context["cl"].result_list] == ["12.71"]
