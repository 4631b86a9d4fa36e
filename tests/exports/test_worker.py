"""A big export built by a real Celery worker process, its progress seen moving."""

import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection
from openpyxl import load_workbook

from dashboards.seeding import seed_national
from exports.models import ExportJob
from reports.models import Publication
from satker.models import User

from ..conftest import require_service

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def redis_reachable() -> bool:
    if not settings.REDIS_URL:
        return True  # embedded mode: the file-system broker needs no server
    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
    except redis.ConnectionError:
        return False


def worker_log(process) -> str:
    process.log.seek(0)
    return process.log.read()


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def export_worker(tmp_path, settings):
    """A worker in its own process, on this test's database and media folder."""
    require_service(
        connection.vendor == "postgresql",
        "the worker process needs the test database on PostgreSQL "
        "(SQLite's test database lives in this process's memory)",
    )
    require_service(redis_reachable(), f"Redis at {settings.REDIS_URL} is not reachable")
    from bakohumas.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    settings.MEDIA_ROOT = tmp_path / "media"
    log = (tmp_path / "worker.log").open("w+")
    env = {**os.environ, "DATABASE_URL": database_url(), "MEDIA_ROOT": str(settings.MEDIA_ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "bakohumas", "worker", "--pool=solo",
         "--loglevel=info", "--without-mingle", "--without-gossip",
         "-n", f"ekspor-{os.getpid()}@%h"],
        cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    process.log = log
    yield process
    process.terminate()
    process.wait(timeout=30)
    log.close()


def test_a_national_year_of_publications_is_built_by_the_worker_with_progress(
    client, export_worker
):
    seed_national(years=1, provinces=["12"], rows_per_report=30)
    year = Publication.objects.values_list("report__period__year", flat=True).latest(
        "report__period__year"
    )
    client.force_login(User.objects.get(username="reviewer.ri"))
    response = client.post(
        "/ekspor/buat/",
        {"kind": "baris", "format": "xlsx", "code": "00", "bagian": "publikasi", "tahun": year},
    )
    job = ExportJob.objects.get()
    assert response["Location"] == f"/ekspor/{job.pk}/"

    seen, deadline = [], time.monotonic() + 90
    while time.monotonic() < deadline:
        status = client.get(f"/ekspor/{job.pk}/status/").json()
        if not seen or status["progress"] != seen[-1]:
            seen.append(status["progress"])
        if status["finished"]:
            break
        time.sleep(0.02)
    assert status["status"] == "done", (status, worker_log(export_worker))
    assert any(0 < progress < 100 for progress in seen), seen
    assert seen == sorted(seen)  # it only moves forward
    assert seen[-1] == 100

    download = client.get(status["download_url"])
    book = load_workbook(io.BytesIO(b"".join(download.streaming_content)), read_only=True)
    rows = sum(1 for _row in book["B. Publikasi"].iter_rows(min_row=2))
    assert (
        rows
        == Publication.objects.filter(report__period__year=year)
        .exclude(report__status="draft")
        .count()
    )
    assert "exports.tasks.build_export" in worker_log(export_worker)
