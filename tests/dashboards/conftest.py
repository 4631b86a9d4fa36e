import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from reports import services
from reports.models import Report, ReportingPeriod, Status, deadline_end
from satker.models import Level, Role, Satker

from ..factories import complete, staff

WIB = ZoneInfo("Asia/Jakarta")
# Thursday 5 November 2026: September's deadline (10 October) has passed, October's
# (10 November) has not.
TODAY = datetime.datetime(2026, 11, 5, 9, 0, tzinfo=WIB)


@pytest.fixture
def today():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


@pytest.fixture
def periods_2026(db):
    """January to October 2026, each due on the 10th of the next month."""
    return {
        month: ReportingPeriod.objects.create(
            year=2026, month=month, deadline=datetime.date(2026, month + 1, 10)
        )
        for month in range(1, 11)
    }


def put(satker, period, status, *, late=False, sent=True) -> Report:
    """A report in `status`, as the workflow leaves it: first sent on the 3rd of the next
    month, or two days after the deadline when `late`."""
    report = Report(satker=satker, period=period, status=status)
    if sent:
        on_time = datetime.datetime.combine(period.last_day, datetime.time(10), tzinfo=WIB)
        report.first_submitted_at = (
            deadline_end(period.deadline) + datetime.timedelta(days=2)
            if late
            else on_time + datetime.timedelta(days=3)
        )
        report.submitted_at = report.first_submitted_at
        report.late = late
    report.save()
    return report


@pytest.fixture
def province_uji(db):
    """KPU Provinsi Uji (99) and three regencies: A and B report from January, C (formed by
    pemekaran) from July 2026."""
    province = Satker.objects.create(code="99", name="KPU Provinsi Uji", level=Level.PROVINSI)
    make = lambda code, name, level, **kw: Satker.objects.create(  # noqa: E731
        code=code, name=name, level=level, parent=province, **kw
    )
    return {
        "province": province,
        "A": make("99.01", "KPU Kabupaten Alfa", Level.KABUPATEN),
        "B": make("99.02", "KPU Kabupaten Beta", Level.KABUPATEN),
        "C": make("99.71", "KPU Kota Gama", Level.KOTA, reporting_from=datetime.date(2026, 7, 1)),
    }


@pytest.fixture
def reviewer_uji(province_uji):
    return staff("reviewer.uji", "99", Role.REVIEWER)


@pytest.fixture
def year_of_reports(province_uji, periods_2026, reviewer_uji, today):
    """A's, B's and C's 2026, with every edge the rates must get right:

    A: Mar returned (sent on time); May sent late, then approved; Jun nothing; Aug a draft;
       Sep sent on time then withdrawn (a draft again); Oct sent on time (not due yet).
    B: Jun nothing; Sep sent late, waiting for verification; the rest approved on time.
    C: must report from July: a May report (approved, not owed), Jul on time, Aug late, Sep
       nothing.  June: no satker reported at all.
    """
    p, A, B, C = periods_2026, province_uji["A"], province_uji["B"], province_uji["C"]
    for month in (1, 2, 4, 7):
        put(A, p[month], Status.APPROVED)
    put(A, p[3], Status.RETURNED)
    put(A, p[8], Status.DRAFT, sent=False)
    withdrawn = put(A, p[9], Status.DRAFT)  # keeps its first submission, as withdraw_report does
    put(A, p[10], Status.SUBMITTED)
    for month in (1, 2, 3, 4, 5, 7, 8):
        put(B, p[month], Status.APPROVED)
    put(B, p[9], Status.SUBMITTED, late=True)
    put(C, p[5], Status.APPROVED)
    put(C, p[7], Status.APPROVED)
    put(C, p[8], Status.APPROVED, late=True)
    _late_then_approved(A, p[5], reviewer_uji)
    return {"withdrawn": withdrawn}


def _late_then_approved(satker, period, reviewer):
    """Through the real services: sent two days after the deadline, then approved."""
    operator = staff(f"operator.{satker.code}", satker.code, Role.OPERATOR)
    with time_machine.travel(datetime.datetime(2026, 6, 12, 10, tzinfo=WIB), tick=False):
        report = services.start_report(satker=satker, period=period, user=operator)
        complete(report)
        services.submit_report(report_id=report.pk, user=operator)
    services.approve_report(report_id=report.pk, user=reviewer)
