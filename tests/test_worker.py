"""A real Celery worker process against the configured broker (Redis in CI)."""

import pytest
from django.conf import settings
from django.core.cache import cache

from bakohumas.health import HEARTBEAT_KEY, heartbeat_age_seconds
from bakohumas.tasks import heartbeat

from .conftest import redis_reachable, require_service, wait_for, worker_log


def test_a_task_sent_by_the_web_app_waits_in_the_shared_broker():
    """Redis in CI and production, var/celery/ when embedded: not in this process's memory."""
    require_service(redis_reachable(), f"Redis at {settings.REDIS_URL} is not reachable")
    from bakohumas.celery import app

    app.conf.task_always_eager = False
    app.control.purge()
    heartbeat.delay()
    assert app.control.purge() == 1  # it was waiting there for a worker
    assert app.control.purge() == 0


def test_every_beat_entry_names_a_task_the_worker_runs():
    # A misspelt task name in the schedule fails silently at 08:00, every day.
    from bakohumas.celery import app

    app.loader.import_default_modules()
    for name, entry in settings.CELERY_BEAT_SCHEDULE.items():
        assert entry["task"] in app.tasks, name


@pytest.mark.django_db
def test_heartbeat_from_a_real_worker_turns_the_health_check_green(worker, client):
    cache.delete(HEARTBEAT_KEY)
    assert client.get("/kesehatan/").json()["worker"] == "stale"

    heartbeat.delay()

    assert wait_for(lambda: heartbeat_age_seconds() is not None), worker_log(worker)
    response = client.get("/kesehatan/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "worker": "ok", "worker_heartbeat_age_seconds": 0}
    assert "bakohumas.tasks.heartbeat" in worker_log(worker)


@pytest.mark.django_db(transaction=True)
def test_password_reset_mail_is_sent_by_the_worker(worker, client, operator_medan):
    client.post("/akun/kata-sandi/lupa/", {"email": operator_medan.email})

    assert wait_for(lambda: any(worker.mail_dir.iterdir())), worker_log(worker)
    [sent] = [path.read_text() for path in worker.mail_dir.iterdir()]
    assert "To: operator.medan@example.org" in sent
    assert "Subject: [Bakohumas] Buat kata sandi baru Portal Bakohumas" in sent
    assert "/akun/kata-sandi/atur/" in sent
