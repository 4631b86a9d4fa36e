"""Query counts of the API's lists at two data sizes: the count must not grow with the rows."""

import datetime

import pytest

from reports import services
from reports.models import Activity, ReportingPeriod
from satker.models import Satker

from ..factories import complete, staff
from .conftest import client_for

pytestmark = pytest.mark.django_db


def reports_of(count, period):
    for satker in Satker.objects.regencies().order_by("code")[:count]:
        operator = staff(f"op.{satker.code}", satker.code)
        report = services.start_report(satker=satker, period=period, user=operator)
        complete(report, publications=2)
        services.submit_report(report_id=report.pk, user=operator)


def warmed(user):
    """A token client that has already been seen (its last use is noted once a minute)."""
    client = client_for(user)
    assert client.get("/api/v1/me/").status_code == 200
    return client


@pytest.mark.parametrize("count", [1, 20])
def test_report_list_query_count_is_fixed(
    reviewer_sumut, october, django_assert_num_queries, count
):
    reports_of(count, october)
    client = warmed(reviewer_sumut)
    # 1 token with its user, membership and satker, 2 count of the reports in scope,
    # 3 the page of reports with satker and period
    with django_assert_num_queries(3):
        response = client.get("/api/v1/reports/?year=2026&status=submitted")
    assert response.json()["count"] == count


@pytest.mark.parametrize("periods", [1, 12])
def test_period_list_query_count_is_fixed(operator_medan, django_assert_num_queries, periods):
    for month in range(1, periods + 1):
        ReportingPeriod.objects.create(year=2025, month=month, deadline=datetime.date(2025, 12, 1))
    client = warmed(operator_medan)
    # 1 token with its user, 2 count, 3 the page of periods
    with django_assert_num_queries(3):
        response = client.get("/api/v1/periods/?year=2025")
    assert response.json()["count"] == periods


@pytest.mark.parametrize(("query", "expected"), [("?parent=00", 2), ("", 37)])
def test_satker_list_query_count_is_fixed(
    national_tree, django_assert_num_queries, query, expected
):
    reader = staff("pembaca.kpuri", "00", "reviewer")
    client = warmed(reader)
    # 1 token with its user, 2 count of the satker in scope, 3 the page with parents
    with django_assert_num_queries(3):
        response = client.get(f"/api/v1/satker/{query}")
    assert response.json()["count"] == expected


@pytest.mark.parametrize("rows", [1, 15])
def test_report_detail_query_count_is_fixed(
    draft_medan, operator_medan, django_assert_num_queries, rows
):
    complete(draft_medan, publications=rows)
    Activity.objects.bulk_create(
        Activity(
            report=draft_medan,
            date=datetime.date(2026, 10, 1),
            kind="rakor",
            title=f"Rakor {i}",
            place="Kantor",
            segment="umum",
            participants=10,
        )
        for i in range(rows)
    )
    client = warmed(operator_medan)
    # 1 token with its user, 2 report with satker, parent, period and sections A, E, F,
    # 3-6 publications, activities, DP3 villages and activities, 7 attachments with uploaders
    with django_assert_num_queries(7):
        response = client.get(f"/api/v1/reports/{draft_medan.pk}/")
    assert len(response.json()["publications"]) == rows


@pytest.mark.parametrize("steps", [1, 6])
def test_timeline_and_rows_query_counts_are_fixed(
    draft_medan, operator_medan, django_assert_num_queries, steps
):
    complete(draft_medan, publications=steps)
    for _ in range(steps):
        services.submit_report(report_id=draft_medan.pk, user=operator_medan)
        services.withdraw_report(report_id=draft_medan.pk, user=operator_medan)
    client = warmed(operator_medan)
    # 1 token with its user, 2 report with satker, parent and period, 3 events with actors
    with django_assert_num_queries(3):
        timeline = client.get(f"/api/v1/reports/{draft_medan.pk}/timeline/")
    assert len(timeline.json()) == 1 + 2 * steps
    # 1 token, 2 report, 3 its publications
    with django_assert_num_queries(3):
        publications = client.get(f"/api/v1/reports/{draft_medan.pk}/publications/")
    assert len(publications.json()) == steps
