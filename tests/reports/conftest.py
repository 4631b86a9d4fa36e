import datetime

import pytest

from reports import services
from reports.models import Publication, ReportingPeriod


@pytest.fixture
def october(db):
    """October 2026, due Tuesday 10 November 2026."""
    return ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))


@pytest.fixture
def draft_medan(october, operator_medan):
    return services.start_report(
        satker=operator_medan.membership.satker, period=october, user=operator_medan
    )


def complete(report, *, publications=1):
    """Answer section A and record publications: enough to be sent."""
    kelembagaan = report.kelembagaan
    kelembagaan.bakohumas_formed = True
    kelembagaan.sk_number = "12/PP.08-SD/1271/2026"
    kelembagaan.sk_date = datetime.date(2026, 2, 3)
    kelembagaan.wa_group_formed = True
    kelembagaan.wa_member_count = 41
    kelembagaan.coordinated_with_pemda = True
    kelembagaan.save()
    Publication.objects.bulk_create(
        Publication(
            report=report,
            date=datetime.date(2026, 10, 5 + i % 20),
            channel="instagram",
            title=f"Sosialisasi pemilih pemula {i + 1}",
            url="https://instagram.com/kpu_medan/p/1",
        )
        for i in range(publications)
    )
    return report


@pytest.fixture
def submitted_medan(draft_medan, operator_medan):
    complete(draft_medan)
    return services.submit_report(report_id=draft_medan.pk, user=operator_medan)
