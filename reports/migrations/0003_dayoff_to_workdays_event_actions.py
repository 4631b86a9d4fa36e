"""DayOff moves to the workdays app; timeline events name their action; status constraints.

The DayOff table is renamed, not rebuilt: its rows stay where they are (workdays 0001 takes the
model over in Django's state only). Existing events get the action their statuses imply.
"""

from django.db import migrations, models

ACTIONS = [
    ("created", "membuat draf"),
    ("saved", "menyimpan draf"),
    ("submitted", "mengirim laporan"),
    ("resubmitted", "mengirim ulang laporan"),
    ("withdrawn", "menarik kembali menjadi draf"),
    ("returned", "mengembalikan untuk diperbaiki"),
    ("approved", "menyetujui"),
    ("reopened", "membuka kembali"),
    ("attachment_added", "menambah lampiran"),
    ("attachment_removed", "menghapus lampiran"),
]


def action_of(event, sent_before: bool) -> str:
    if not event.from_status:
        return "created"
    if event.to_status == "submitted":
        return "resubmitted" if sent_before else "submitted"
    if event.to_status == "approved":
        return "approved"
    if event.to_status == "returned":
        return "reopened" if event.from_status == "approved" else "returned"
    return "withdrawn"


def name_actions(apps, schema_editor):
    ReportEvent = apps.get_model("reports", "ReportEvent")
    sent = set()
    batch = []
    for event in ReportEvent.objects.order_by("report_id", "created_at", "pk").iterator():
        event.action = action_of(event, event.report_id in sent)
        if event.to_status == "submitted":
            sent.add(event.report_id)
        batch.append(event)
        if len(batch) == 500:
            ReportEvent.objects.bulk_update(batch, ["action"])
            batch = []
    ReportEvent.objects.bulk_update(batch, ["action"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_labels"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="DayOff")],
            database_operations=[
                migrations.AlterModelTable(name="DayOff", table="workdays_dayoff"),
            ],
        ),
        migrations.AddField(
            model_name="reportevent",
            name="action",
            field=models.CharField(
                choices=ACTIONS, default="created", max_length=20, verbose_name="tindakan"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(name_actions, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="reportevent",
            index=models.Index(fields=["report", "action"], name="report_event_action_idx"),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["draft", "submitted", "returned", "approved"])),
                name="report_status_is_known",
            ),
        ),
        migrations.AddConstraint(
            model_name="report",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("first_submitted_at__isnull", True),
                        ("late__isnull", True),
                        ("status", "draft"),
                        ("submitted_at__isnull", True),
                    ),
                    models.Q(
                        ("first_submitted_at__isnull", False),
                        ("late__isnull", False),
                        ("submitted_at__gte", models.F("first_submitted_at")),
                        ("submitted_at__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="report_submission_recorded",
            ),
        ),
        migrations.AddConstraint(
            model_name="reportevent",
            constraint=models.CheckConstraint(
                condition=models.Q(("action__in", [value for value, _label in ACTIONS])),
                name="report_event_action_is_known",
            ),
        ),
    ]
