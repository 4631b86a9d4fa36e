"""With the broker down, every step still answers and commits; its messages wait in the
outbox, and once the broker is back the sweeper delivers each of them once."""

import datetime

import pytest
from django.conf import settings

from notifications.models import Channel, Message
from notifications.tasks import deliver_due
from reports import services
from reports.models import Report, ReportingPeriod, Status
from satker.models import Role

from ..conftest import (
    emails_sent_by,
    redis_reachable,
    require_service,
    start_worker,
    stop_worker,
    wait_for,
    worker_log,
)
from ..factories import complete, staff
from ..reports.test_pages import edit_data, with_publication

pytestmark = pytest.mark.django_db(transaction=True)

CLOSED_PORT = "redis://127.0.0.1:1/0"


@pytest.fixture
def broker_down():
    from bakohumas.celery import app

    working = app.conf.broker_url
    app.conf.task_always_eager = False
    app.conf.broker_url = CLOSED_PORT
    yield app
    app.conf.broker_url = working


def test_steps_commit_while_the_broker_is_down_and_the_sweeper_sends_each_once(
    client, broker_down, tmp_path
):
    october = ReportingPeriod.objects.create(
        year=2026, month=10, deadline=datetime.date(2026, 11, 10)
    )
    operator = staff("operator.medan", "12.71", Role.OPERATOR)
    reviewer = staff("reviewer.sumut", "12", Role.REVIEWER)
    report = services.start_report(satker=operator.membership.satker, period=october, user=operator)
    complete(report)

    client.force_login(operator)
    sent = client.post(
        f"/laporan/{report.pk}/ubah/", with_publication(edit_data(report, action="kirim"))
    )
    assert sent.status_code == 302
    assert Report.objects.get(pk=report.pk).status == Status.SUBMITTED

    client.force_login(reviewer)
    returned = client.post(
        f"/laporan/{report.pk}/verifikasi/", {"action": "kembalikan", "note": "Perbaiki tautan."}
    )
    assert returned.status_code == 302
    assert Report.objects.get(pk=report.pk).status == Status.RETURNED

    client.force_login(operator)
    client.post(f"/laporan/{report.pk}/ubah/", with_publication(edit_data(report, action="kirim")))
    client.force_login(reviewer)
    approved = client.post(f"/laporan/{report.pk}/verifikasi/", {"action": "setujui"})
    assert approved.status_code == 302
    assert Report.objects.get(pk=report.pk).status == Status.APPROVED

    waiting = Message.objects.filter(channel=Channel.EMAIL)
    assert waiting.count() == 4  # sent, returned, sent again, approved: none delivered yet
    assert set(waiting.values_list("status", flat=True)) == {Message.Status.PENDING}

    # The broker is back; beat's sweeper runs on a real worker (twice, as beat would).
    broker_down.conf.broker_url = settings.CELERY_BROKER_URL
    require_service(redis_reachable(), f"Redis at {settings.REDIS_URL} is not reachable")
    broker_down.control.purge()
    worker = start_worker(tmp_path)
    try:
        deliver_due.delay()
        assert wait_for(lambda: len(emails_sent_by(worker)) >= 4), worker_log(worker)
        deliver_due.delay()
        assert wait_for(
            lambda: (
                "deliver_due" in worker_log(worker) and worker_log(worker).count("succeeded") >= 2
            )
        ), worker_log(worker)
    finally:
        stop_worker(worker)
    assert emails_sent_by(worker) == [
        "operator.medan@example.org",
        "operator.medan@example.org",
        "reviewer.sumut@example.org",
        "reviewer.sumut@example.org",
    ]
    assert set(waiting.values_list("status", flat=True)) == {Message.Status.SENT}
