"""A backup restores into a fresh database with every row and every file, checked."""

import os
import sqlite3
import subprocess
import sys

import psycopg2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from reports import services
from reports.models import Report

from .conftest import BASE_DIR
from .factories import PDF, complete

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def fresh_database():
    """An empty database beside the test database, as a new server would have."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        path = f"{db['NAME']}-pulih"
        if os.path.exists(path):
            os.remove(path)
        yield f"sqlite:///{path}", lambda sql: sqlite3.connect(path).execute(sql).fetchone()[0]
        os.remove(path)
        return
    name = f"{db['NAME']}_pulih"
    admin = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"], port=db["PORT"])
    admin.autocommit = True
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.cursor().execute(f'CREATE DATABASE "{name}"')

    def query(sql):
        restored = psycopg2.connect(dbname=name, user=db["USER"], host=db["HOST"], port=db["PORT"])
        try:
            with restored.cursor() as cursor:
                cursor.execute(sql)
                return cursor.fetchone()[0]
        finally:
            restored.close()

    yield f"postgres://{db['USER']}:@{db['HOST']}:{db['PORT']}/{name}", query
    admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_backup_restores_every_row_and_file_into_a_fresh_database(
    tmp_path, settings, october, operator_medan, reviewer_sumut, fresh_database, capsys
):
    settings.MEDIA_ROOT = tmp_path / "media"
    report = services.start_report(
        satker=operator_medan.membership.satker, period=october, user=operator_medan
    )
    complete(report, publications=3)
    services.add_attachment(
        report_id=report.pk,
        user=operator_medan,
        file=SimpleUploadedFile("SK.pdf", PDF),
        content_type="application/pdf",
    )
    services.submit_report(report_id=report.pk, user=operator_medan)

    call_command("backup", dir=tmp_path / "cadangan")
    assert "1 berkas" in capsys.readouterr().out

    database_url, query = fresh_database
    restored_media = tmp_path / "media-pulih"
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "cadangan")],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url, "MEDIA_ROOT": str(restored_media)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Pulih dan cocok" in result.stdout
    assert query("SELECT COUNT(*) FROM reports_report") == Report.objects.count() == 1
    assert query("SELECT COUNT(*) FROM reports_publication") == 3
    assert query("SELECT status FROM reports_report") == "submitted"
    [stored] = [p for p in restored_media.rglob("*") if p.is_file()]
    assert stored.read_bytes() == PDF


def test_restore_refuses_to_overwrite_a_database_with_data(tmp_path, october):
    call_command("backup", dir=tmp_path / "cadangan")
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="sudah berisi data"):
        call_command("restore", str(tmp_path / "cadangan"))
