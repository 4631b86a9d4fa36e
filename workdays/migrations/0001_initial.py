"""DayOff, taken over from the reports app: its table (renamed there) and rows stay as they are."""

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    # Admin log entries and permissions point at the content type: keep them pointing at it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="workdays", model="dayoff").exists():
        ContentType.objects.filter(app_label="reports", model="dayoff").update(app_label="workdays")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="reports", model="dayoff").exists():
        ContentType.objects.filter(app_label="workdays", model="dayoff").update(app_label="reports")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reports", "0003_dayoff_to_workdays_event_actions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DayOff",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="tanggal")),
                        ("name", models.CharField(max_length=150, verbose_name="keterangan")),
                    ],
                    options={
                        "verbose_name": "hari libur tambahan",
                        "verbose_name_plural": "hari libur tambahan (cuti bersama)",
                        "ordering": ["-date"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
