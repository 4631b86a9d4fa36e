"""Two systems writing the same version of a report at the same moment: one wins, the
other is told its copy is stale (412), never overwrites silently."""

import threading
import time

import pytest
from django.db import connection, connections

from reports import services
from reports.models import Report
from reports.services import ObstaclesData, ReportContent, StaleReport, content

from ..conftest import require_service

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_writers_with_one_etag_exactly_one_succeeds(draft_medan, operator_medan, monkeypatch):
    require_service(
        connection.vendor == "postgresql", "row locks (SELECT ... FOR UPDATE) need PostgreSQL"
    )
    version = Report.objects.get(pk=draft_medan.pk).version
    both_ready = threading.Barrier(2)
    lock = content._locked_report

    def lock_together_then_linger(report_id):
        both_ready.wait(timeout=10)
        locked = lock(report_id)
        time.sleep(0.3)  # hold the row: the other writer waits, then finds a new version
        return locked

    monkeypatch.setattr(content, "_locked_report", lock_together_then_linger)
    outcomes = {}

    def write(name):
        try:
            services.save_report(
                report_id=draft_medan.pk,
                user=operator_medan,
                content=ReportContent(obstacles=ObstaclesData(staff=f"Tulisan {name}")),
                expected_version=version,
            )
            outcomes[name] = "ok"
        except StaleReport as stale:
            outcomes[name] = str(stale)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert list(outcomes.values()).count("ok") == 1, outcomes
    winner = next(name for name, outcome in outcomes.items() if outcome == "ok")
    loser = next(outcome for outcome in outcomes.values() if outcome != "ok")
    assert "sudah diubah sejak Anda membacanya" in loser
    report = Report.objects.get(pk=draft_medan.pk)
    assert report.obstacles.staff == f"Tulisan {winner}"
    assert report.version != version
