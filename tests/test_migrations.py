"""Migrations keep what is already in the database: run from an older schema with rows in it."""

import datetime

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

# The schema before workdays/ took DayOff over and events named their action.
BEFORE_WORKDAYS = [("satker", "0002_load_sumut"), ("reports", "0002_labels")]


def latest():
    return list(MigrationLoader(connection).graph.leaf_nodes())


def at(*args):
    return datetime.datetime(*args, tzinfo=timezone.get_default_timezone())


def test_moving_day_off_and_naming_actions_keeps_every_row(migrator):
    old = migrator.apply_initial_migration(BEFORE_WORKDAYS).apps
    Satker = old.get_model("satker", "Satker")
    User = old.get_model("satker", "User")
    Period = old.get_model("reports", "ReportingPeriod")
    Report = old.get_model("reports", "Report")
    Event = old.get_model("reports", "ReportEvent")
    Attachment = old.get_model("reports", "Attachment")
    Notification = old.get_model("reports", "Notification")
    DayOff = old.get_model("reports", "DayOff")

    operator = User.objects.create(username="operator.medan")
    reviewer = User.objects.create(username="reviewer.sumut")
    october = Period.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))
    medan = Report.objects.create(
        satker=Satker.objects.get(code="12.71"),
        period=october,
        status="approved",
        first_submitted_at=at(2026, 11, 3, 9),
        submitted_at=at(2026, 11, 6, 10),
        late=False,
    )
    binjai = Report.objects.create(
        satker=Satker.objects.get(code="12.75"),
        period=october,
        status="draft",
        first_submitted_at=at(2026, 11, 4, 9),
        submitted_at=at(2026, 11, 4, 9),
        late=False,
    )
    steps = [
        (medan, operator, "", "draft", ""),
        (medan, operator, "draft", "submitted", ""),
        (medan, reviewer, "submitted", "returned", "Tautan rusak."),
        (medan, operator, "returned", "submitted", ""),
        (medan, reviewer, "submitted", "approved", "Lengkap."),
        (binjai, operator, "", "draft", ""),
        (binjai, operator, "draft", "submitted", ""),
        (binjai, operator, "submitted", "draft", ""),
    ]
    for minute, (report, actor, before, after, note) in enumerate(steps):
        Event.objects.create(
            report=report,
            actor=actor,
            created_at=at(2026, 11, 3, 8, minute),
            from_status=before,
            to_status=after,
            note=note,
        )
    Attachment.objects.create(
        report=medan,
        file="lampiran/2026/0123abcd.pdf",
        original_name="SK Bakohumas.pdf",
        content_type="application/pdf",
        size=2048,
        uploaded_by=operator,
    )
    Notification.objects.create(user=operator, report=medan, message="Laporan disetujui")
    DayOff.objects.create(date=datetime.date(2026, 12, 24), name="Cuti bersama Natal")

    new = migrator.apply_tested_migration(latest()).apps

    Report = new.get_model("reports", "Report")
    Event = new.get_model("reports", "ReportEvent")
    assert Report.objects.count() == 2
    assert list(Event.objects.filter(report__pk=medan.pk).values_list("action", "note")) == [
        ("created", ""),
        ("submitted", ""),
        ("returned", "Tautan rusak."),
        ("resubmitted", ""),
        ("approved", "Lengkap."),
    ]
    assert list(Event.objects.filter(report__pk=binjai.pk).values_list("action", flat=True)) == [
        "created",
        "submitted",
        "withdrawn",
    ]
    [attachment] = new.get_model("reports", "Attachment").objects.all()
    assert (attachment.original_name, attachment.file.name) == (
        "SK Bakohumas.pdf",
        "lampiran/2026/0123abcd.pdf",
    )
    # In-portal notifications now live in the outbox, with their words, link and read state.
    [notification] = new.get_model("notifications", "Message").objects.all()
    assert (notification.channel, notification.context["text"]) == ("portal", "Laporan disetujui")
    assert (notification.target_type, notification.target_id) == ("report", medan.pk)
    assert notification.context["path"] == f"/laporan/{medan.pk}/"
    assert notification.read_at is None
    [day_off] = new.get_model("workdays", "DayOff").objects.all()
    assert (day_off.date, day_off.name) == (datetime.date(2026, 12, 24), "Cuti bersama Natal")
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    assert "workdays_dayoff" in tables
    assert "reports_dayoff" not in tables
