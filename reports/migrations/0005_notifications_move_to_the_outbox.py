"""In-portal notifications move to the notifications app's outbox (Message, channel portal).

Each old row becomes a portal message of kind `report_notice` that keeps its text as written
(it was rendered when it was sent), its link to the report, and whether it was read.
"""

from django.db import migrations
from django.urls import reverse


def copy_to_outbox(apps, schema_editor):
    Notification = apps.get_model("reports", "Notification")
    Message = apps.get_model("notifications", "Message")
    batch = []
    for old in Notification.objects.order_by("pk").iterator():
        context = {"text": old.message}
        if old.report_id:
            context["path"] = reverse("reports:detail", kwargs={"pk": old.report_id})
        batch.append(
            Message(
                recipient_id=old.user_id,
                channel="portal",
                kind="report_notice",
                context=context,
                target_type="report" if old.report_id else "",
                target_id=old.report_id,
                status="sent",
                created_at=old.created_at,
                due_at=old.created_at,
                sent_at=old.created_at,
                read_at=old.read_at,
            )
        )
        if len(batch) == 500:
            Message.objects.bulk_create(batch)
            batch = []
    Message.objects.bulk_create(batch)


def copy_back(apps, schema_editor):
    Notification = apps.get_model("reports", "Notification")
    Message = apps.get_model("notifications", "Message")
    Notification.objects.bulk_create(
        Notification(
            user_id=message.recipient_id,
            report_id=message.target_id if message.target_type == "report" else None,
            message=message.context.get("text", "")[:300],
            created_at=message.created_at,
            read_at=message.read_at,
        )
        for message in Message.objects.filter(kind="report_notice")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_yes_no_questions_may_wait_in_a_draft"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_to_outbox, copy_back),
        migrations.DeleteModel(name="Notification"),
    ]
