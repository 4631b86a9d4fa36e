"""Throughput of the dashboards against a bare view, and the time of the yearly exports.

Run by hand (never in the suite), on a throw-away PostgreSQL database whose name ends in
_bench, with wrk installed (apt-get install wrk):

    createdb -h 127.0.0.1 -U postgres bakohumas_dash_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakohumas_dash_bench \\
    REDIS_URL=redis://127.0.0.1:6379/2 .venv/bin/python bench/dashboards.py

It migrates that database and fills it once with `seed_national --years 5` (38 provinces,
514 regencies, 5 years), serves the portal with gunicorn (2 workers, persistent database
connections) on 127.0.0.1:$BENCH_PORT (8150), and measures each page with
`wrk -t2 -c16 -d10s --latency` as a signed-in reviewer, the bare view first: every page's
requests/s is printed as a share of that floor, measured in the same run. The cold column is
the median time of a page rendered in-process right after its cache was emptied (what the
first reader after a change waits). Then it times each yearly export in-process, as the
worker builds it.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PORT = int(os.environ.get("BENCH_PORT", "8150"))
DURATION = os.environ.get("BENCH_SECONDS", "10")
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-" + "x" * 60,
    "ALLOWED_HOSTS": "127.0.0.1,testserver",
    "SITE_URL": "https://bakohumas.example",
    "SECURE_SSL_REDIRECT": "false",
    "STATIC_MANIFEST": "false",
    "CONN_MAX_AGE": "600",
    "ENV_FILE": "/nonexistent",
    "LOG_LEVEL": "WARNING",
}
os.environ.update(SERVER_ENV)
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from exports.registry import get_kind  # noqa: E402
from exports.services import WRITERS  # noqa: E402
from reports.models import Report  # noqa: E402
from satker.models import User  # noqa: E402

assert settings.DATABASES["default"]["NAME"].endswith("_bench"), "use a *_bench database"


def session_for(username: str) -> str:
    user = User.objects.get(username=username)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def wrk(url: str, cookie: str | None) -> dict:
    header = ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    base = ["wrk", "-t2", "-c16", "--latency", *header, url]
    subprocess.run([*base[:4], "-d2s", *base[4:]], capture_output=True, check=True)  # warm-up
    out = subprocess.run([*base[:4], f"-d{DURATION}s", *base[4:]],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert not non_2xx, f"{url}: {non_2xx.group(0)}"

    def ms(label):
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": ms("50"), "p99": ms("99")}  # fmt: skip


def cold_ms(client: Client, url: str, runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        cache.clear()
        start = time.perf_counter()
        assert client.get(url).status_code == 200, url
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main():
    call_command("migrate", verbosity=0)
    if not Report.objects.exists():
        print("Seeding 38 provinces, 514 regencies, 5 years (once)...", flush=True)
        call_command("seed_national", years=5, paksa=True)
    year = timezone.localdate().year
    province, nation = session_for("reviewer.12"), session_for("reviewer.ri")
    report = Report.objects.filter(satker__code="12.71").order_by("-period__year", "-period__month")
    report_pk = report.values_list("pk", flat=True)[0]
    pages = [
        ("bare view (floor)", "/bench/kosong/", None, None),
        ("signed-in empty page", "/bench/masuk/", province, None),
        ("province overview", "/dasbor/provinsi/12/", province, 25),
        ("national overview", "/dasbor/nasional/", nation, 10),
        ("satker page", "/dasbor/satker/12.71/", province, 10),
        ("review queue", "/laporan/verifikasi/", province, 10),
        ("report page", f"/laporan/{report_pk}/", province, 10),
        ("rankings (province)", "/dasbor/peringkat/12/", province, 10),
        ("rankings (national)", "/dasbor/peringkat/00/", nation, 10),
        ("recap (province, year)", f"/dasbor/rekap/12/{year}/", province, 10),
        ("recap (satker, year)", f"/dasbor/rekap/12.71/{year}/", province, 10),
    ]
    clients = {}
    for name in ("reviewer.12", "reviewer.ri"):
        clients[name] = Client()
        clients[name].force_login(User.objects.get(username=name))

    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "bakohumas.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "2", "--log-level", "warning"],
        cwd=ROOT, env={**os.environ, **SERVER_ENV, "DJANGO_SETTINGS_MODULE": "bench.settings"},
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                subprocess.run(["curl", "-sf", f"http://127.0.0.1:{PORT}/bench/kosong/"],
                               check=True, capture_output=True)  # fmt: skip
                break
            except subprocess.CalledProcessError:
                time.sleep(0.2)
        floor = None
        print(f"\n{'page':<26}{'req/s':>8}{'floor':>8}{'target':>8}{'p50 ms':>9}{'p99 ms':>9}"
              f"{'cold ms':>9}")  # fmt: skip
        for label, path, cookie, target in pages:
            if path.startswith("/bench/masuk"):
                cold = 0
            result = wrk(f"http://127.0.0.1:{PORT}{path}", cookie)
            floor = floor or result["rps"]
            share = 100 * result["rps"] / floor
            client = clients["reviewer.ri" if cookie == nation else "reviewer.12"]
            cold = cold_ms(client, path) if cookie else 0
            goal = f"≥{target}%" if target else ""
            print(f"{label:<26}{result['rps']:>8.0f}{share:>7.1f}%{goal:>8}{result['p50']:>9.1f}"
                  f"{result['p99']:>9.1f}{cold:>9.1f}", flush=True)  # fmt: skip
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"\n{'yearly export':<38}{'seconds':>8}")
    reviewer = {"12": User.objects.get(username="reviewer.12"),
                "00": User.objects.get(username="reviewer.ri")}  # fmt: skip
    kinds = ("matriks", "peringkat", "rekap")
    exports = [(kind, code, fmt) for code in ("12", "00") for kind in kinds
               for fmt in ("xlsx", "pdf")]  # fmt: skip
    exports += [("baris", "12", "xlsx"), ("baris", "00", "xlsx")]
    for kind_name, code, fmt in exports:
        kind = get_kind(kind_name, fmt)
        params = kind.parse({"code": code, "tahun": str(year), "bagian": "publikasi"})
        start = time.perf_counter()
        content = WRITERS[fmt](kind.build(reviewer[code], params, fmt))
        seconds = time.perf_counter() - start
        label = f"{kind_name} {'national' if code == '00' else 'province'} {fmt}"
        print(f"{label:<38}{seconds:>8.2f}   ({len(content) / 1024:,.0f} KB)", flush=True)


if __name__ == "__main__":
    main()
