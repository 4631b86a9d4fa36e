"""The dashboards' pages: who is refused, what they show, query counts at two data sizes."""

import datetime
import re

import pytest
from django.db.models import Count, Sum

from dashboards.seeding import seed_national
from reports import services
from reports.models import Report, Status
from reports.versions import versions_of
from satker.models import Level, Role, Satker, User

from ..factories import complete, staff

pytestmark = pytest.mark.django_db

PROVINCE_PAGES = [
    "/dasbor/provinsi/12/",
    "/dasbor/peringkat/12/",
    "/dasbor/rekap/12/2026/",
    "/dasbor/satker/12.71/",
    "/dasbor/rekap/12.71/2026/",
]


@pytest.fixture
def reviewer_aceh(national_tree):
    return staff("reviewer.aceh", "11", Role.REVIEWER)


@pytest.mark.parametrize("who", ["operator_binjai", "reviewer_aceh", "stranger"])
def test_another_provinces_dashboards_are_404(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in [*PROVINCE_PAGES, "/dasbor/nasional/"]:
        assert client.get(url).status_code == 404, url


def test_operator_sees_their_own_satker_page_only(client, operator_binjai):
    client.force_login(operator_binjai)
    assert client.get("/dasbor/satker/12.75/").status_code == 200
    assert client.get("/dasbor/rekap/12.75/2026/").status_code == 200
    assert client.get("/dasbor/").status_code == 404


def test_province_reviewer_lands_on_the_matrix_and_cannot_open_the_nation(
    client, reviewer_sumut, national_tree
):
    client.force_login(reviewer_sumut)
    response = client.get("/", follow=True)
    assert response.redirect_chain[-1][0] == "/dasbor/provinsi/12/"
    assert "Kepatuhan pelaporan KPU Provinsi Sumatera Utara" in response.text
    assert "/dasbor/nasional/" not in response.text  # no breadcrumb to a 404
    assert client.get("/dasbor/nasional/").status_code == 404


def test_ri_reviewer_drills_down_from_the_nation_to_a_province(client, national_tree):
    reviewer_ri = staff("reviewer.ri", "00", Role.REVIEWER)
    client.force_login(reviewer_ri)
    national = client.get("/", follow=True)
    assert national.redirect_chain[-1][0] == "/dasbor/nasional/"
    assert "Provinsi Aceh" in national.text
    assert 'href="/dasbor/provinsi/12/?tahun=' in national.text
    province = client.get("/dasbor/provinsi/12/")
    assert province.status_code == 200
    assert 'href="/dasbor/nasional/?tahun=' in province.text


def test_old_recap_links_follow_the_recap_to_the_dashboards(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    response = client.get("/laporan/rekap/12.71/2026/?triwulan=4")
    assert response.status_code == 301
    assert response["Location"] == "/dasbor/rekap/12.71/2026/?triwulan=4"
    assert "Rekap Triwulan 4 Tahun 2026" in client.get(response["Location"]).text


def test_recap_counts_approved_reports_only(client, submitted_medan, reviewer_sumut):
    from reports.models import Activity

    Activity.objects.create(
        report=submitted_medan, date="2026-10-20", kind="sppb", title="Pemilih pemula",
        place="SMA 1 Medan", segment="pemula", participants=120,
    )  # fmt: skip
    client.force_login(reviewer_sumut)
    before = client.get("/dasbor/rekap/12.71/2026/?periode=tw4").text
    assert "Disusun dari 0 laporan bulanan yang disetujui" in before
    services.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)
    province = client.get("/dasbor/rekap/12/2026/?periode=tw4").text
    assert "Disusun dari 1 laporan bulanan yang disetujui" in province
    assert "Pemilih pemula" in province
    assert "120" in province


def month_cell(page: str, month: int, satker: str | None = None) -> str:
    """The cell of `month` in the matrix row of `satker` (or the only row)."""
    if satker:
        page = page.split(f">{satker}</a></th>")[1]
    else:
        page = page.split('<table class="dash-matrix dash-months">')[1].split("<tbody>")[1]
    return re.findall(r'<td class="s-[^"]+">.*?</td>', page)[month - 1]


def test_a_report_approved_shows_at_once_though_the_page_is_cached(
    client, today, submitted_medan, reviewer_sumut, django_capture_on_commit_callbacks
):
    client.force_login(reviewer_sumut)
    overview = "/dasbor/provinsi/12/?tahun=2026"
    october = month_cell(client.get(overview).text, 10, "Kota Medan")
    assert f'<a href="/laporan/{submitted_medan.pk}/">◷<i> menunggu verifikasi</i>' in october
    # A change that bypasses the services is not seen: the page really is served from cache...
    Report.objects.filter(pk=submitted_medan.pk).update(status=Status.RETURNED)
    assert month_cell(client.get(overview).text, 10, "Kota Medan") == october
    Report.objects.filter(pk=submitted_medan.pk).update(status=Status.SUBMITTED)
    # ...and one made by a service is, as soon as its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)
    approved = "✓<i> disetujui</i>"
    assert approved in month_cell(client.get(overview).text, 10, "Kota Medan")
    assert approved in month_cell(client.get("/dasbor/satker/12.71/?tahun=2026").text, 10)


def test_status_and_level_filters_live_in_the_url(client, submitted_medan, reviewer_sumut):
    client.force_login(reviewer_sumut)
    matrix = '<table class="dash-matrix"'
    waiting = client.get("/dasbor/provinsi/12/?tahun=2026&status=submitted").text
    rows = waiting.split(matrix)[1]
    assert "Kota Medan" in rows
    assert "Kota Binjai" not in rows
    assert 'value="submitted" selected' in waiting
    kabupaten = client.get("/dasbor/provinsi/12/?tahun=2026&tingkat=kabupaten").text
    assert "Kabupaten Nias" in kabupaten
    assert "Kota Medan" not in kabupaten.split(matrix)[1]
    assert '<option value="kabupaten" selected>' in kabupaten
    nonsense = client.get("/dasbor/provinsi/12/?tahun=abc&status=bogus&tingkat=x")
    assert nonsense.status_code == 200  # a mangled shared link shows the defaults


def test_satker_page_draws_charts_with_their_numbers_in_tables(
    client, draft_medan, operator_medan, reviewer_sumut
):
    complete(draft_medan, publications=3)
    services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    services.approve_report(report_id=draft_medan.pk, user=reviewer_sumut)
    client.force_login(operator_medan)
    page = client.get("/dasbor/satker/12.71/?tahun=2026").text
    assert "vendor/chartjs/chart.umd.min.js" in page
    assert page.count("<canvas") == 5
    assert 'id="grafik-publikasi-data"' in page
    publications = page.split('id="grafik-publikasi-judul"')[1].split("</table>")[0]
    assert '<th scope="row">Instagram</th>' in publications
    assert ">3</td>" in publications
    assert "SK 12/PP.08-SD/1271/2026" in page  # the latest Bakohumas state


def test_overview_loads_no_chart_library(client, reviewer_sumut):
    client.force_login(reviewer_sumut)
    assert "chart.umd" not in client.get("/dasbor/provinsi/12/").text


def test_rankings_rank_by_the_chosen_figure(client, reviewer_sumut, draft_medan, operator_medan):
    complete(draft_medan, publications=4)
    services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    services.approve_report(report_id=draft_medan.pk, user=reviewer_sumut)
    client.force_login(reviewer_sumut)
    page = client.get("/dasbor/peringkat/12/?tahun=2026&periode=tw4&urut=publikasi").text
    first_row = page.split("<tbody>")[1].split("</tr>")[0]
    assert "Kota Medan" in first_row
    assert ">1</td>" in first_row
    assert ">4</td>" in first_row


# Query counts at two data sizes ------------------------------------------------------------


@pytest.fixture(params=["1 year, 33 satker", "5 years, 33 satker", "1 year, 514 satker"])
def national_data(request, db):
    years = 5 if request.param.startswith("5") else 1
    provinces = None if "514" in request.param else ["12"]
    seed_national(years=years, provinces=provinces, rows_per_report=1)
    expected = 514 if provinces is None else 33
    assert Satker.objects.regencies().count() == expected
    return request.param


def _counted(client, django_assert_num_queries, url, cold, warm):
    with django_assert_num_queries(cold):
        assert client.get(url).status_code == 200
    with django_assert_num_queries(warm):
        assert client.get(url).status_code == 200


def test_query_counts_do_not_grow_with_years_or_satker(
    client, national_data, django_assert_num_queries
):
    """Each page cold (fragment rendered) and warm (fragment from the cache)."""
    assert_counts = lambda url, cold, warm: _counted(  # noqa: E731
        client, django_assert_num_queries, url, cold, warm
    )
    year = Report.objects.order_by("-period__year").values_list("period__year", flat=True)[0]
    client.force_login(User.objects.get(username="reviewer.12"))
    # Province overview. Cold: 1 session, 2 user, 3 unread notifications, 4 province,
    # 5 periods, 6 waiting for review, 7 this period's counts, 8 satker not sent, 9 matrix
    # rows with their rates (here filtered to satker with a missing month), 10 cells,
    # 11 month rates, 12 month expected. Warm (fragment cached): 1-5.
    assert_counts("/dasbor/provinsi/12/?status=missing", 12, 5)
    # Satker page. Cold: 1-3, 4 satker, 5 periods, 6-9 its months (row, cells, month rates,
    # month expected), 10 publications per channel and month, 11 activities per month,
    # 12 villages and cadres per month, 13 PPID per month, 14 activities per segment,
    # 15 latest report with section A. Warm: 1-5.
    assert_counts("/dasbor/satker/12.71/", 15, 5)
    # Recaps. Cold: 1-3, 4 satker, 5 periods; province: 6 per-satker figures, 7-10 per
    # channel, kind, segment and PPID totals, 11 institutions; satker: 6 monthly reports,
    # 7-10 the same totals, 11 latest state. Warm: 1-5.
    assert_counts(f"/dasbor/rekap/12/{year}/", 11, 5)
    assert_counts(f"/dasbor/rekap/12.71/{year}/", 11, 5)

    client.force_login(User.objects.get(username="reviewer.ri"))
    # National overview. Cold: 1-3, 4 KPU RI, 5 periods, 6 received per province and month,
    # 7 expected per province and month, 8 provinces, 9 waiting, 10 this period's counts,
    # 11 satker not sent. Warm: 1-5.
    assert_counts("/dasbor/nasional/", 11, 5)
    # Rankings of a province and of the nation. Cold: 1-3, 4 office, 5 periods, 6 the ranking
    # (each figure a correlated subquery, ranked by a window function). Warm: 1-5.
    assert_counts("/dasbor/peringkat/12/?urut=ketepatan", 6, 5)
    assert_counts("/dasbor/peringkat/00/", 6, 5)


def test_seeded_data_has_every_status_and_a_satker_formed_mid_way(national_data):
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == {Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.APPROVED}
    assert Report.objects.filter(late=True).exists()
    if "514" in national_data:
        assert Satker.objects.filter(level=Level.PROVINSI).count() == 38
        assert Satker.objects.regencies().exclude(reporting_from=None).exists()


def fingerprint(province: str) -> list[tuple]:
    reports = Report.objects.filter(satker__parent__code=province).order_by(
        "satker__code", "period__year", "period__month"
    )
    return list(
        reports.annotate(
            n_publications=Count("publications", distinct=True),
            n_participants=Sum("activities__participants"),
        ).values_list(
            "satker__code", "period__year", "period__month", "status", "late",
            "first_submitted_at", "n_publications", "n_participants",
        )
    )  # fmt: skip


def test_seed_national_gives_the_same_data_for_the_same_day(db):
    today = datetime.date(2026, 11, 30)
    seed_national(years=1, provinces=["11"], rows_per_report=2, today=today)
    first = fingerprint("11")
    assert len(first) > 200
    Report.objects.filter(satker__parent__code="11").delete()
    seed_national(years=1, provinces=["11"], rows_per_report=2, today=today)
    assert fingerprint("11") == first


def test_a_report_sent_changes_the_versions_a_draft_saved_does_not(
    draft_medan, operator_medan, sumut, django_capture_on_commit_callbacks
):
    ids = [draft_medan.satker_id, sumut.pk]
    before = versions_of(ids)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_report(
            report_id=draft_medan.pk,
            user=operator_medan,
            content=services.ReportContent(obstacles=services.ObstaclesData(budget="Terbatas")),
        )
    assert versions_of(ids) == before  # a draft's content shows on no dashboard
    complete(draft_medan)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    after = versions_of(ids)
    assert after[draft_medan.satker_id] != before[draft_medan.satker_id]
    assert after[sumut.pk] != before[sumut.pk]
