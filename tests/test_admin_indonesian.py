"""The admin pages of django-celery-beat and django-otp speak Indonesian.

Neither package ships Indonesian, so the portal's hand-edited catalogue
(locale/id/LC_MESSAGES/django.po) holds it; an upgrade that adds strings fails here.
"""

from pathlib import Path

import django_celery_beat
import django_otp
import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .conftest import BASE_DIR

CATALOGUE = BASE_DIR / "locale" / "id" / "LC_MESSAGES" / "django.po"
PACKAGES = [django_celery_beat, django_otp]


def package_entries():
    """Every string of the packages' own catalogues (all their languages), by msgid."""
    entries = {}
    for package in PACKAGES:
        for path in sorted(Path(package.__file__).parent.glob("locale/*/LC_MESSAGES/django.po")):
            for entry in polib.pofile(str(path)):
                if not entry.obsolete:
                    entries.setdefault(entry.msgid, entry)
    return entries


def test_every_string_of_the_packages_has_an_indonesian_translation():
    theirs = package_entries()
    assert len(theirs) > 100  # the packages' catalogues were found
    ours = {entry.msgid: entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    untranslated = sorted(
        msgid
        for msgid, entry in theirs.items()
        if msgid not in ours
        or not ours[msgid].translated()
        or ours[msgid].msgid_plural != entry.msgid_plural
    )
    assert untranslated == [], f"add Indonesian for these to {CATALOGUE.relative_to(BASE_DIR)}"


def test_the_compiled_indonesian_catalogue_matches_the_translations():
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    translations = {
        entry.msgid: entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(CATALOGUE))
        if entry.translated()
    }
    in_mo = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in compiled}
    stale = sorted(msgid for msgid, text in translations.items() if in_mo.get(msgid) != text)
    assert stale == [], "compile it: manage.py compilemessages --ignore=.venv -l id"


@pytest.fixture
def indonesian_admin(client, superuser):
    superuser.language = "id"
    superuser.save(update_fields=["language"])
    client.force_login(superuser)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"
    return client


def english(text) -> str:
    with translation.override("en"):
        return str(text)


@pytest.mark.django_db
def test_periodic_task_list_is_in_indonesian(indonesian_admin):
    from django_celery_beat.models import IntervalSchedule, PeriodicTask

    every_five = IntervalSchedule.objects.create(every=5, period=IntervalSchedule.MINUTES)
    PeriodicTask.objects.create(name="Kirim pengingat", task="x.y", interval=every_five)

    page = indonesian_admin.get(reverse("admin:django_celery_beat_periodictask_changelist"))

    assert page.status_code == 200
    for indonesian in [
        "Pilih tugas berkala untuk diubah",
        "Aktifkan tugas terpilih",
        "Jalankan tugas terpilih",
        "Terakhir dijalankan",
        "Tugas sekali jalan",
        "setiap 5 menit",
    ]:
        assert indonesian in page.text
    for english_text in ["Periodic tasks", "Periodic Tasks", "Enable selected tasks", "every 5"]:
        assert english_text not in page.text


@pytest.mark.django_db
def test_periodic_task_form_labels_are_in_indonesian(indonesian_admin):
    page = indonesian_admin.get(reverse("admin:django_celery_beat_periodictask_add"))

    assert page.status_code == 200
    form = page.context["adminform"].form
    labels = {name: str(field.label) for name, field in form.fields.items()}
    still_english = sorted(
        name for name, field in form.fields.items() if labels[name] == english(field.label)
    )
    assert still_english == []
    assert labels["interval"] == "Jadwal interval"
    assert labels["args"] == "Argumen posisi"
    sections = [fieldset.name for fieldset in page.context["adminform"] if fieldset.name]
    assert [str(name) for name in sections] == ["Jadwal", "Argumen", "Opsi eksekusi"]
    assert "Tambahkan tugas berkala" in page.text
    assert "Add periodic task" not in page.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "title"),
    [
        ("intervalschedule", "Pilih interval untuk diubah"),
        ("crontabschedule", "Pilih crontab untuk diubah"),
        ("solarschedule", "Pilih waktu matahari untuk diubah"),
        ("clockedschedule", "Pilih jadwal sekali jalan untuk diubah"),
    ],
)
def test_schedule_lists_are_in_indonesian(indonesian_admin, model, title):
    page = indonesian_admin.get(reverse(f"admin:django_celery_beat_{model}_changelist"))

    assert page.status_code == 200
    assert title in page.text
    assert "Tugas berkala" in page.text  # the app's name in the breadcrumbs


@pytest.mark.django_db
def test_solar_schedule_form_offers_its_events_in_indonesian(indonesian_admin):
    page = indonesian_admin.get(reverse("admin:django_celery_beat_solarschedule_add"))

    form = page.context["adminform"].form
    assert str(form.fields["event"].label) == "Peristiwa matahari"
    assert "Matahari terbit" in [str(label) for _, label in form.fields["event"].choices]


DEVICE_PAGES = [
    ("otp_totp_totpdevice", "perangkat TOTP", "TOTP device"),
    ("otp_static_staticdevice", "perangkat kode cadangan", "static device"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("admin_name", "indonesian", "_english"), DEVICE_PAGES)
def test_device_pages_open_in_indonesian(indonesian_admin, admin_name, indonesian, _english):
    listing = indonesian_admin.get(reverse(f"admin:{admin_name}_changelist"))
    adding = indonesian_admin.get(reverse(f"admin:{admin_name}_add"))

    assert listing.status_code == adding.status_code == 200
    assert "Beranda" in listing.text  # Django's own wording
    assert "Tambahkan" in adding.text


@pytest.mark.django_db
@pytest.mark.parametrize(("admin_name", "indonesian", "english_name"), DEVICE_PAGES)
def test_device_labels_are_in_indonesian(indonesian_admin, admin_name, indonesian, english_name):
    listing = indonesian_admin.get(reverse(f"admin:{admin_name}_changelist"))
    adding = indonesian_admin.get(reverse(f"admin:{admin_name}_add"))

    assert f"Pilih {indonesian} untuk diubah" in listing.text
    assert english_name not in listing.text
    form = adding.context["adminform"].form
    labels = {name: str(field.label) for name, field in form.fields.items()}
    assert labels["name"] == "Nama"
    assert labels["confirmed"] == "Terkonfirmasi"
    # Its sections, search hint and app name, which django-otp writes in plain English.
    assert "Identitas" in adding.text
    assert "Identity" not in adding.text
    assert "Cari menurut nama pengguna atau e-mail pemiliknya." in listing.text
    assert "Verifikasi dua langkah:" in listing.text
