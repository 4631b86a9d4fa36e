"""Compliance over the REST API: the overview page's numbers, on the pages' scope.

The scenario is `year_of_reports` (conftest): on 5 November 2026 January–September are due;
each expected number is written out in test_rates.py, and checked here against both the API
and the page.
"""

import re

import pytest
from rest_framework.test import APIClient

from dashboards.seeding import seed_national
from satker.models import Level, Role, Satker, User

from ..api.conftest import make_token
from ..factories import staff

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user)}")
    return client


def rate(received, on_time, expected):
    return {
        "received": received,
        "on_time": on_time,
        "expected": expected,
        "reporting": 100 * received / expected if expected else None,
        "timeliness": 100 * on_time / expected if expected else None,
    }


def test_the_province_matrix_has_the_overview_pages_numbers(
    client, province_uji, year_of_reports, reviewer_uji, today
):
    body = api(reviewer_uji).get("/api/v1/compliance/satker/99/?year=2026").json()

    assert body["satker"] == {"code": "99", "name": "KPU Provinsi Uji", "level": "provinsi"}
    assert body["as_of"] == "2026-11-05"
    assert [m["due"] for m in body["months"]] == [True] * 9 + [False] * 3
    assert body["months"][9] == {
        "month": 10, "period": "2026-10", "deadline": "2026-11-10", "due": False
    }  # fmt: skip
    assert body["months"][10]["period"] is None
    rows = {row["satker"]["code"]: row for row in body["rows"]}
    assert rows["99.01"]["rate"] == rate(6, 5, 9)
    assert rows["99.02"]["rate"] == rate(8, 7, 9)
    assert rows["99.71"]["rate"] == rate(2, 1, 3)
    assert [c["month"] for c in body["columns"]] == list(range(1, 13))
    assert body["columns"][4] == {"month": 5, **rate(2, 1, 2)}
    assert body["columns"][9] == {"month": 10, **rate(0, 0, 0)}  # not due: null rates
    assert body["overall"] == rate(16, 13, 21)
    a = [cell["state"] for cell in rows["99.01"]["months"]]
    assert a == [
        "approved", "approved", "returned", "approved", "approved", "missing", "approved",
        "draft", "draft", "submitted", "no_period", "no_period",
    ]  # fmt: skip
    may = rows["99.01"]["months"][4]
    assert may["late"] is True
    assert api(reviewer_uji).get(may["report_url"]).json()["id"] == may["report"]
    assert rows["99.71"]["months"][0] == {
        "month": 1, "state": "not_expected", "late": False, "report": None, "report_url": None
    }  # fmt: skip

    # The overview page says the same: each row's received/expected, and the year's total.
    client.force_login(reviewer_uji)
    page = client.get("/dasbor/provinsi/99/?tahun=2026").text
    for code, row in rows.items():
        name = Satker.objects.get(code=code).short_name
        shown = re.search(rf">{re.escape(name)}</a>.*?<small>(\d+)/(\d+)</small>", page)
        assert shown.groups() == (str(row["rate"]["received"]), str(row["rate"]["expected"]))
    assert "<small>16/21</small>" in page


def test_level_narrows_the_rows_as_on_the_page(province_uji, year_of_reports, reviewer_uji):
    body = api(reviewer_uji).get("/api/v1/compliance/satker/99/?year=2026&level=kota").json()
    assert [row["satker"]["code"] for row in body["rows"]] == ["99.71"]
    assert body["overall"] == rate(2, 1, 3)


def test_a_regencys_own_staff_read_its_row(province_uji, year_of_reports, today):
    operator = staff("operator.beta", "99.02", Role.OPERATOR)
    body = api(operator).get("/api/v1/compliance/satker/99.02/?year=2026").json()
    assert [row["satker"]["code"] for row in body["rows"]] == ["99.02"]
    assert body["overall"] == rate(8, 7, 9)


def test_bad_year_or_level_is_400_with_the_field_named(reviewer_uji, province_uji):
    response = api(reviewer_uji).get("/api/v1/compliance/satker/99/?year=dua&level=desa")
    assert response.status_code == 400
    assert {error["field"] for error in response.json()["errors"]} == {"year", "level"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/compliance/satker/12/",  # another province
        "/api/v1/compliance/satker/12.71/",  # a regency of another province
        "/api/v1/compliance/satker/00/",  # KPU RI: not a matrix of satker
    ],
)
def test_outside_scope_is_404(url, reviewer_uji, national_tree):
    assert api(reviewer_uji).get(url).status_code == 404


def test_satker_staff_see_their_own_row_only(operator_binjai, national_tree):
    client = api(operator_binjai)
    assert client.get("/api/v1/compliance/satker/12.75/").status_code == 200
    for url in [
        "/api/v1/compliance/satker/12/",  # their province: for reviewers, as the page
        "/api/v1/compliance/satker/12.71/",  # a neighbour
        "/api/v1/compliance/provinces/",
    ]:
        assert client.get(url).status_code == 404, url


def test_provinces_rates_are_those_of_the_national_page(client, national_tree, today):
    seed_national(years=1, provinces=["11", "12"], rows_per_report=1, today=today)
    reviewer_ri = User.objects.get(username="reviewer.ri")
    body = api(reviewer_ri).get("/api/v1/compliance/provinces/?year=2026").json()
    rows = {row["satker"]["code"]: row for row in body["rows"]}
    assert set(rows) == {"11", "12"}
    sumut = rows["12"]
    assert [m["month"] for m in sumut["months"]] == list(range(1, 13))
    assert sumut["rate"]["expected"] == sum(m["expected"] for m in sumut["months"]) > 0
    total = body["overall"]
    assert total["received"] == sum(row["rate"]["received"] for row in rows.values())

    client.force_login(reviewer_ri)
    page = client.get("/dasbor/nasional/?tahun=2026").text
    overall = f"<small>{total['received']:,}/{total['expected']:,}</small>".replace(",", ".")
    assert overall in page

    # A province's reviewer gets their own province's row only.
    reviewer_sumut = User.objects.get(username="reviewer.12")
    body = api(reviewer_sumut).get("/api/v1/compliance/provinces/?year=2026").json()
    assert [row["satker"]["code"] for row in body["rows"]] == ["12"]
    assert body["rows"][0]["rate"] == sumut["rate"]


@pytest.mark.parametrize("provinces", [["12"], None], ids=["33 satker", "514 satker"])
def test_query_counts_do_not_grow_with_satker(provinces, django_assert_num_queries):
    seed_national(years=1, provinces=provinces, rows_per_report=1)
    assert Satker.objects.filter(level=Level.PROVINSI).exists()
    reviewer = api(User.objects.get(username="reviewer.12"))
    ri = api(User.objects.get(username="reviewer.ri"))
    reviewer.get("/api/v1/me/")  # the token's first use is noted (then at most once a minute)
    ri.get("/api/v1/me/")
    # 1 token with its user and satker, 2 the province, 3 periods, 4 matrix rows with their
    # rates, 5 cells, 6 month rates, 7 month expected.
    with django_assert_num_queries(7):
        assert reviewer.get("/api/v1/compliance/satker/12/").status_code == 200
    # 1 token, 2 periods, 3 received per province and month, 4 expected per province and
    # month, 5 provinces.
    with django_assert_num_queries(5):
        assert ri.get("/api/v1/compliance/provinces/").status_code == 200
