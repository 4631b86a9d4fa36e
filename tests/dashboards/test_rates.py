"""Reporting and timeliness rates at the edges, each expected number written out.

The scenario is `year_of_reports` (conftest): on 5 November 2026, January–September are due
(9 months), October is not.
"""

import datetime

import pytest
from django.utils import timezone

from dashboards.compliance import Calendar, CellState, Rate, province_matrix, this_period
from satker.models import Satker

pytestmark = pytest.mark.django_db


def matrix_of(province_uji, today):
    regencies = Satker.objects.regencies().filter(parent=province_uji["province"])
    return province_matrix(regencies, year=2026, calendar=Calendar.load(today))


def test_rows_count_only_due_received_reports_owed_by_the_satker(
    province_uji, year_of_reports, today
):
    rows = {row.satker.code: row.rate for row in matrix_of(province_uji, today).rows}
    # A: Jan Feb Mar(returned) Apr May(late) Jul received; on time without May; Jun missing,
    # Aug draft, Sep withdrawn; Oct sent but not due yet, so not counted anywhere.
    assert rows["99.01"] == Rate(received=6, on_time=5, expected=9)
    # B: all but June, September late and still waiting.
    assert rows["99.02"] == Rate(received=8, on_time=7, expected=9)
    # C owes July to September only; its May report (before it had to report) is not counted.
    assert rows["99.71"] == Rate(received=2, on_time=1, expected=3)
    assert rows["99.71"].reporting == pytest.approx(66.67, abs=0.01)
    assert rows["99.71"].timeliness == pytest.approx(33.33, abs=0.01)


def test_columns_and_overall(province_uji, year_of_reports, today):
    matrix = matrix_of(province_uji, today)
    expected = [
        Rate(2, 2, 2),  # Jan
        Rate(2, 2, 2),  # Feb
        Rate(2, 2, 2),  # Mar: A's returned report was received, on time
        Rate(2, 2, 2),  # Apr
        Rate(2, 1, 2),  # May: A late then approved; C's report not owed
        Rate(0, 0, 2),  # Jun: a month with no reports
        Rate(3, 3, 3),  # Jul: C owes its first month
        Rate(2, 1, 3),  # Aug: A's draft not received; C late
        Rate(1, 0, 3),  # Sep: A withdrew; B late and waiting; C nothing
        Rate(0, 0, 0),  # Oct: not due, though A has sent it
        Rate(0, 0, 0),  # Nov: no period yet
        Rate(0, 0, 0),  # Dec
    ]
    assert matrix.columns == expected
    assert matrix.columns[5].reporting == 0
    assert matrix.columns[9].reporting is None  # shown as "—", not 0 %
    assert matrix.overall == Rate(received=16, on_time=13, expected=21)
    assert matrix.overall.reporting == pytest.approx(76.19, abs=0.01)
    assert matrix.overall.timeliness == pytest.approx(61.90, abs=0.01)


def test_cells_say_what_happened(province_uji, year_of_reports, today):
    rows = {row.satker.code: row.cells for row in matrix_of(province_uji, today).rows}
    a = [cell.state for cell in rows["99.01"]]
    assert a == [
        CellState.APPROVED, CellState.APPROVED, CellState.RETURNED, CellState.APPROVED,
        CellState.APPROVED, CellState.MISSING, CellState.APPROVED, CellState.DRAFT,
        CellState.DRAFT, CellState.SUBMITTED, CellState.NO_PERIOD, CellState.NO_PERIOD,
    ]  # fmt: skip
    may = rows["99.01"][4]
    assert may.marked_late
    assert may.sign == "✓!"
    assert "terlambat" in may.words
    assert rows["99.02"][8].state == CellState.SUBMITTED_LATE
    c = [cell.state for cell in rows["99.71"]]
    assert c[:6] == [CellState.NOT_EXPECTED] * 4 + [CellState.APPROVED, CellState.NOT_EXPECTED]
    assert c[8] == CellState.MISSING
    assert all(cell.report_id for cell in rows["99.02"][:5])


def test_this_period_counts_october_not_yet_due(province_uji, year_of_reports, today):
    regencies = Satker.objects.regencies().filter(parent=province_uji["province"])
    box = this_period(regencies, calendar=Calendar.load(today))
    assert box.period.month == 10
    assert box.is_due is False
    assert box.rate == Rate(received=1, on_time=1, expected=3)
    assert [satker.code for satker in box.not_sent] == ["99.02", "99.71"]
    assert box.not_sent_count == 2
    # Waiting for verification: A's October and B's late September, oldest B's.
    assert box.waiting == 2
    assert timezone.localtime(box.oldest_waiting_since).date() == datetime.date(2026, 10, 13)


def test_the_page_shows_the_rates_and_explains_expected(
    client, reviewer_uji, year_of_reports, today
):
    client.force_login(reviewer_uji)
    page = client.get("/dasbor/provinsi/99/?tahun=2026").text
    assert "76,2%" in page
    assert "16/21" in page
    assert "61,9%" in page
    assert "13/21" in page
    assert "67%" in page
    assert "2/3" in page
    assert "batas waktunya belum lewat belum dihitung" in page
    assert "Periode ini: Oktober 2026" in page
    assert "Kabupaten Beta" in page.split("Satker yang belum mengirim")[1]
