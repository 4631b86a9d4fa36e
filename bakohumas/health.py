"""`/kesehatan/`: one URL a load balancer or uptime monitor polls."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

HEARTBEAT_KEY = "celery:heartbeat"


def record_heartbeat() -> None:
    cache.set(HEARTBEAT_KEY, timezone.now().isoformat(), timeout=24 * 60 * 60)


def heartbeat_age_seconds() -> float | None:
    last = cache.get(HEARTBEAT_KEY)
    if last is None:
        return None
    return (timezone.now() - datetime.fromisoformat(last)).total_seconds()


@login_not_required
@never_cache
def health(request):
    """200 when the database answers and a worker ran beat's heartbeat recently, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database_ok = True
    except DatabaseError:
        database_ok = False
    age = heartbeat_age_seconds()
    worker_ok = age is not None and age < 3 * settings.HEARTBEAT_SECONDS
    return JsonResponse(
        {
            "database": "ok" if database_ok else "down",
            "worker": "ok" if worker_ok else "stale",
            "worker_heartbeat_age_seconds": None if age is None else round(age),
        },
        status=200 if database_ok and worker_ok else 503,
    )
