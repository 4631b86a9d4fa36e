import datetime
import importlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.apps import apps
from django.conf import settings
from django.db import connection

from reports import services
from reports.models import ReportingPeriod
from satker.models import Level, Role, Satker

from .factories import UserFactory, complete, staff

IN_CI = os.environ.get("CI") == "true"
BASE_DIR = Path(__file__).resolve().parent.parent


def require_service(available: bool, reason: str) -> None:
    """Skip a test whose service is absent on a developer's machine; fail it in CI."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"CI must provide this service: {reason}")
    pytest.skip(reason)


def pytest_report_header(config):
    return [
        f"database: {settings.DATABASES['default']['ENGINE']}",
        f"celery broker: {settings.CELERY_BROKER_URL.split('@')[-1]}",
        f"CI: {IN_CI}",
    ]


@pytest.fixture(scope="session", autouse=True)
def _ci_runs_on_real_services(django_db_setup, django_db_blocker):
    # In CI the suite must exercise PostgreSQL and Redis; quietly falling back to SQLite or
    # the file-system broker would hide exactly the bugs CI is there to catch.
    if not IN_CI:
        return
    with django_db_blocker.unblock():
        vendor = connection.vendor
    if vendor != "postgresql" or not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.exit(
            f"CI=true but the suite is on {vendor} with broker {settings.CELERY_BROKER_URL!r}: "
            "set DATABASE_URL (PostgreSQL) and REDIS_URL.",
            returncode=3,
        )


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Give transactional tests the satker of the data migration, as every other test has.

    A transactional test ends by emptying every table. Django's serialized_rollback would
    restore them, but once Playwright's sync API runs (it switches greenlets, each with its
    own context) the per-context connection no longer holds Django's snapshot; so the
    migration's own loader refills them instead.
    """
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    if not Satker.objects.exists():
        importlib.import_module("satker.migrations.0002_load_sumut").load(apps, None)


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Queued tasks run at once, in the test's process (e-mail lands in mail.outbox).

    Otherwise they would pile up in the real broker and be run later by the worker of
    test_worker.py. That test switches this off to use a real worker.
    """
    from bakohumas.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


@pytest.fixture(autouse=True)
def _second_step_only_where_tested(settings):
    # Reviewers and admins must sign in with a second step in production; the tests of other
    # features sign in with force_login, and tests/accounts/ switch the rule back on.
    settings.TWO_FACTOR_REQUIRED_FOR = []


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the cache (files or Redis) outlives a test's
    database, and a dashboard fragment cached for one test's data must not show in another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects real passwords; tests only need the mechanics.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def sumut():
    return Satker.objects.get(code="12")


@pytest.fixture
def national_tree(sumut):
    """KPU RI above Sumut, and a second province (Aceh) with one regency; returns KPU RI."""
    ri = Satker.objects.create(code="00", name="KPU RI", level=Level.RI)
    aceh = Satker.objects.create(
        code="11", name="KPU Provinsi Aceh", level=Level.PROVINSI, parent=ri
    )
    Satker.objects.create(
        code="11.01", name="KPU Kabupaten Aceh Selatan", level=Level.KABUPATEN, parent=aceh
    )
    sumut.parent = ri
    sumut.save()
    return ri


@pytest.fixture
def operator_medan(db):
    return staff("operator.medan", "12.71", Role.OPERATOR)


@pytest.fixture
def pimpinan_medan(db):
    return staff("pimpinan.medan", "12.71", Role.PIMPINAN)


@pytest.fixture
def operator_binjai(db):
    return staff("operator.binjai", "12.75", Role.OPERATOR)


@pytest.fixture
def reviewer_sumut(db):
    return staff("reviewer.sumut", "12", Role.REVIEWER)


@pytest.fixture
def stranger(db):
    """An account with no satker: it should have no access to anything."""
    return UserFactory(username="tanpa.satker")


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin.portal", is_staff=True, is_superuser=True)


# Reports, for every app whose tests need one -------------------------------------------


@pytest.fixture
def october(db):
    """October 2026, due Tuesday 10 November 2026."""
    return ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))


@pytest.fixture
def draft_medan(october, operator_medan):
    return services.start_report(
        satker=operator_medan.membership.satker, period=october, user=operator_medan
    )


@pytest.fixture
def submitted_medan(draft_medan, operator_medan):
    complete(draft_medan)
    return services.submit_report(report_id=draft_medan.pk, user=operator_medan)


# A real Celery worker ------------------------------------------------------------------------


def redis_reachable() -> bool:
    if not settings.REDIS_URL:
        return True  # embedded mode: the file-system broker needs no server
    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping()
    except redis.ConnectionError:
        return False


def wait_for(condition, timeout=45.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def database_url_of_this_test() -> str:
    """The database this test runs on, for a worker process to use the same rows."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_worker(tmp_path, name="worker", **env):
    """A worker in its own process on the test database, as `make run` and production start
    it; e-mail goes to files in `process.mail_dir`, its log to `worker_log(process)`."""
    mail_dir = tmp_path / f"{name}-mail"
    mail_dir.mkdir(exist_ok=True)
    log = (tmp_path / f"{name}.log").open("w+")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "bakohumas",
            "worker",
            "--pool=solo",
            "--loglevel=info",
            "--without-mingle",
            "--without-gossip",
            "-n",
            f"test-{name}-{os.getpid()}@%h",
        ],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DATABASE_URL": database_url_of_this_test(),
            # django-environ drops the first slash of a filemail path, hence four.
            "EMAIL_URL": f"filemail:///{mail_dir}",
            **env,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.mail_dir = mail_dir
    process.log = log
    return process


def stop_worker(process, *, kill=False):
    if kill:
        process.kill()
    else:
        process.terminate()
    process.wait(timeout=30)
    process.log.close()


def emails_sent_by(*workers) -> list[str]:
    """The addressees of every e-mail the workers sent, sorted (one file may hold several)."""
    found = []
    for worker in workers:
        for path in worker.mail_dir.iterdir():
            found += re.findall(r"^To: (.+)$", path.read_text(), flags=re.MULTILINE)
    return sorted(found)


def worker_log(process) -> str:
    process.log.seek(0)
    return process.log.read()


@pytest.fixture
def worker(tmp_path):
    """A real worker against the configured broker (Redis in CI), on the test database."""
    require_service(redis_reachable(), f"Redis at {settings.REDIS_URL} is not reachable")
    from bakohumas.celery import app

    app.conf.task_always_eager = False  # these tests are about the real broker and worker
    app.control.purge()  # start from an empty queue: only this test's tasks
    process = start_worker(tmp_path)
    yield process
    stop_worker(process)
