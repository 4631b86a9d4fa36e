"""Two reviewers acting on one report at the same moment: the row lock lets one through."""

import threading
import time

import pytest
from django.db import connection, connections

from reports import services
from reports.models import Report, ReportEvent, Status
from reports.services import WorkflowError, workflow
from satker.models import Role

from ..conftest import require_service
from ..factories import complete, staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_reviewers_at_once_exactly_one_succeeds(october, operator_medan, monkeypatch):
    require_service(
        connection.vendor == "postgresql", "row locks (SELECT ... FOR UPDATE) need PostgreSQL"
    )
    first = staff("reviewer.satu", "12", Role.REVIEWER)
    second = staff("reviewer.dua", "12", Role.REVIEWER)
    report = services.start_report(
        satker=operator_medan.membership.satker, period=october, user=operator_medan
    )
    complete(report)
    services.submit_report(report_id=report.pk, user=operator_medan)

    both_ready = threading.Barrier(2)
    lock = workflow._locked_report

    def lock_together_then_linger(report_id):
        both_ready.wait(timeout=10)  # neither locks before the other has arrived
        locked = lock(report_id)
        time.sleep(0.3)  # hold the row, so the other reviewer must wait on it
        return locked

    monkeypatch.setattr(workflow, "_locked_report", lock_together_then_linger)
    outcomes = {}

    def act(name, step):
        try:
            step()
            outcomes[name] = "ok"
        except WorkflowError as error:
            outcomes[name] = str(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=act,
            args=("approve", lambda: services.approve_report(report_id=report.pk, user=first)),
        ),
        threading.Thread(
            target=act,
            args=(
                "return",
                lambda: services.return_report(
                    report_id=report.pk, user=second, note="Lengkapi bukti kegiatan."
                ),
            ),
        ),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["approve", "return"]
    assert list(outcomes.values()).count("ok") == 1, outcomes
    loser = next(message for message in outcomes.values() if message != "ok")
    assert "sudah diproses" in loser
    reviews = ReportEvent.objects.filter(report=report, from_status=Status.SUBMITTED)
    assert reviews.count() == 1
    winner = "approve" if outcomes["approve"] == "ok" else "return"
    expected = Status.APPROVED if winner == "approve" else Status.RETURNED
    assert Report.objects.get(pk=report.pk).status == expected
