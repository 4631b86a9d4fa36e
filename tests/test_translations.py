"""English is complete: every string of the portal is in the catalogue, translated, compiled."""

import shutil
import subprocess
import sys

import polib
import pytest

from .conftest import BASE_DIR

CATALOGUE = BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
SOURCES = [
    "manage.py", "bakohumas", "satker", "accounts", "workdays", "uploads", "notifications",
    "reports", "reminders", "backups", "dashboards", "exports", "templates", "locale",
]  # fmt: skip


def test_no_string_of_the_catalogue_is_untranslated_or_fuzzy():
    catalogue = polib.pofile(str(CATALOGUE))
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (xgettext)")
def test_every_string_in_the_code_and_templates_is_in_the_catalogue(tmp_path):
    for name in SOURCES:
        source = BASE_DIR / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"PATH": shutil.os.environ["PATH"], "DEBUG": "true", "ENV_FILE": "/nonexistent"},
    )
    found = polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    committed = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    missing = sorted(entry.msgid for entry in found if entry.msgid not in committed)
    assert missing == [], "run `make messages` and translate these"


def test_the_compiled_catalogue_matches_the_translations(tmp_path):
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    translations = {
        entry.msgid: entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(CATALOGUE))
        if entry.translated()
    }
    in_mo = {entry.msgid: entry.msgstr or entry.msgstr_plural for entry in compiled}
    stale = sorted(msgid for msgid, text in translations.items() if in_mo.get(msgid) != text)
    assert stale == [], "run `make messages` (compilemessages)"
