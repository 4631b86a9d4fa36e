"""Every main page as a phone on slow data meets it, served as in production: what it
downloads the first time and the next, whether anything is wider than the screen, and what
axe-core finds."""

import datetime
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reports import services
from reports.deadlines import default_deadline, month_before
from reports.models import ReportingPeriod
from satker.models import Role

from ..conftest import BASE_DIR
from ..factories import PASSWORD, complete, staff

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
FIRST_LOAD_LIMIT = 200 * 1024
REPEAT_LOAD_LIMIT = 20 * 1024
PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1366, "height": 768}
FIGURES = BASE_DIR / "test-artifacts" / "page-weight.json"

# Anything wider than its container, at 360 px; content inside a sideways scroller that
# shows its cue (with the first column fixed) is wide by design.
TOO_WIDE = """() => {
  const found = [];
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (style.position === "fixed") continue;
    const scroller = el.closest(".dash-scroll");
    const cued = scroller?.previousElementSibling?.matches("[data-scroll-cue]");
    if (scroller && scroller !== el && cued) continue;
    const box = el.getBoundingClientRect();
    const parent = el.parentElement.getBoundingClientRect();
    if (box.width > 1 && (box.right > parent.right + 1 || box.right > window.innerWidth + 1)) {
      const what = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
      const text = (el.textContent || "").trim().slice(0, 40);
      found.push(`${what} ${Math.round(box.right)} > ${Math.round(parent.right)}: ${text}`);
    }
  }
  return found;
}"""

AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}"""


def months_ago(count):
    year, month = month_before(timezone.localdate())
    for _ in range(count - 1):
        year, month = month_before(datetime.date(year, month, 1))
    return ReportingPeriod.objects.create(
        year=year, month=month, deadline=default_deadline(year, month)
    )


@pytest.fixture
def portal_with_reports(settings):
    """A submitted report with content, this month's draft, and the people who see them."""
    # The production server checks passwords with the production hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    operator = staff("operator.medan", "12.71", Role.OPERATOR, first_name="Dedi", last_name="Lubis")
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER, first_name="Rina", last_name="Siregar")
    older, last = months_ago(2), months_ago(1)
    submitted = services.start_report(
        satker=operator.membership.satker, period=older, user=operator
    )
    complete(submitted, publications=6)
    services.submit_report(report_id=submitted.pk, user=operator)
    draft = services.start_report(satker=operator.membership.satker, period=last, user=operator)
    complete(draft, publications=2)
    return {"operator": operator, "reviewer": reviewer, "submitted": submitted, "draft": draft}


PAGES = [
    ("masuk", None, lambda data: "/akun/masuk/"),
    ("laporan-saya", "operator", lambda data: "/laporan/"),
    ("formulir", "operator", lambda data: f"/laporan/{data['draft'].pk}/ubah/"),
    ("laporan", "operator", lambda data: f"/laporan/{data['submitted'].pk}/"),
    ("notifikasi", "reviewer", lambda data: "/notifikasi/"),
    ("verifikasi", "reviewer", lambda data: "/laporan/verifikasi/"),
    ("ringkasan", "reviewer", lambda data: "/dasbor/provinsi/12/"),
    ("satker", "reviewer", lambda data: "/dasbor/satker/12.71/"),
    ("peringkat", "reviewer", lambda data: "/dasbor/peringkat/12/"),
    ("pengingat", "reviewer", lambda data: "/pengingat/"),
    ("akun", "operator", lambda data: "/akun/"),
]


def sign_in(page, server, username):
    page.goto(server + "/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    expect(page).not_to_have_url(re.compile(r"/akun/masuk/"))


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return "(inline)" if parts.scheme in ("data", "blob") else parts.netloc


def load_and_count(page, url):
    """Bytes on the wire (headers and compressed bodies) and the hosts asked, for one load."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    received, hosts = [], set()
    cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
    cdp.on("Network.requestWillBeSent", lambda event: hosts.add(host_of(event["request"]["url"])))
    page.goto(url, wait_until="networkidle")
    cdp.detach()
    return sum(received), hosts


@pytest.mark.parametrize(("name", "role", "path"), PAGES, ids=[page[0] for page in PAGES])
def test_each_main_page_is_light_fits_a_phone_and_passes_axe(
    page, production_server, portal_with_reports, screenshot, name, role, path
):
    page.set_viewport_size(PHONE)
    if role:
        sign_in(page, production_server, portal_with_reports[role].username)
    url = production_server + path(portal_with_reports)

    # First visit with an empty cache (the session cookie is all the browser keeps).
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    cdp.detach()
    first, hosts = load_and_count(page, url)
    repeat, _hosts = load_and_count(page, url)
    assert hosts - {"(inline)"} == {urlsplit(production_server).netloc}, hosts  # no CDN
    assert first < FIRST_LOAD_LIMIT, f"{name}: {first} bytes on first load"
    assert repeat < REPEAT_LOAD_LIMIT, f"{name}: {repeat} bytes on a repeat load"

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
    assert page.evaluate(TOO_WIDE) == [], name
    screenshot(f"fit-{name}-360")

    page.evaluate(AXE)
    violations = page.evaluate(AXE_RUN)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)

    page.set_viewport_size(LAPTOP)
    screenshot(f"fit-{name}-1366")
    _record(name, first, repeat, violations)


def _record(name, first, repeat, violations):
    figures = json.loads(FIGURES.read_text()) if FIGURES.exists() else {}
    figures[name] = {
        "first_load_bytes": first,
        "repeat_load_bytes": repeat,
        "axe_violations": [f"{v['id']} ({v['impact']})" for v in violations],
    }
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(figures, indent=1, sort_keys=True))
