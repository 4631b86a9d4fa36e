"""The reviewers' reminder page: the WhatsApp group text and what went out, in scope."""

import datetime

import pytest

from reminders.models import ReminderSettings
from reminders.services import sweep
from reports import services
from reports.models import ReportingPeriod
from satker.models import Role, Satker

from ..factories import complete, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def october_overdue():
    return ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))


def send(code, period):
    operator = staff(f"op.{code}", code, Role.OPERATOR)
    report = services.start_report(satker=operator.membership.satker, period=period, user=operator)
    complete(report)
    return services.submit_report(report_id=report.pk, user=operator)


def test_group_text_lists_who_has_not_sent_and_who_was_returned(
    client, reviewer_sumut, october_overdue
):
    send("12.75", october_overdue)  # Binjai has sent
    returned = send("12.04", october_overdue)  # Nias has sent, and it came back
    services.return_report(report_id=returned.pk, user=reviewer_sumut, note="Perbaiki.")
    client.force_login(reviewer_sumut)
    text = client.get("/pengingat/").context["group_text"]

    assert text.startswith(
        "*Laporan Bakohumas Oktober 2026*\nBatas waktu: Selasa, 10 November 2026"
    )
    assert "Belum mengirim (31):" in text
    assert "Kota Medan" in text
    assert "Kota Binjai" not in text
    assert "Dikembalikan, belum dikirim ulang (1):\n1. Kab. Nias (sejak" in text
    assert "/laporan/" in text


def test_operators_have_no_reminder_page(client, operator_medan):
    client.force_login(operator_medan)
    assert client.get("/pengingat/").status_code == 404


def test_a_reviewer_of_another_province_sees_only_theirs(client, national_tree, october_overdue):
    staff("op.medan", "12.71", Role.OPERATOR)
    aceh = staff("reviewer.aceh", "11", Role.REVIEWER)
    sweep(day=datetime.date(2026, 11, 16))  # a Monday: overdue rounds and weekly digests
    client.force_login(aceh)
    page = client.get("/pengingat/")
    assert "Kota Medan" not in page.text
    assert "Kab. Aceh Selatan" in page.context["group_text"]
    assert [r.satker.code for r in page.context["recent"]] == ["11"]  # their own digest only


@pytest.mark.parametrize("satker_count", [2, 20])
def test_reminder_page_query_count_is_fixed(
    client, reviewer_sumut, october_overdue, django_assert_num_queries, satker_count
):
    for satker in Satker.objects.regencies().order_by("code")[:satker_count]:
        staff(f"op.{satker.code}", satker.code, Role.OPERATOR)
    ReminderSettings.objects.create(pk=1)
    sweep(day=datetime.date(2026, 11, 16))
    client.force_login(reviewer_sumut)
    # 1 session, 2 user, 3 open periods, 4 regencies in scope, 5 their reports, 6 the rules,
    # 7 latest reminders with satker, period and recipient, 8 unread notifications
    with django_assert_num_queries(8):
        response = client.get("/pengingat/")
    assert len(response.context["recent"]) == satker_count + 1
