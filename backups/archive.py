"""A backup is a folder: the database dump, the uploaded files, and a manifest of what they
hold (row counts of every table, a checksum of every file), so a restore can prove itself."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone

MANIFEST = "manifest.json"
PG_DUMP = "db.dump"
SQLITE_COPY = "db.sqlite3"


class BackupError(Exception):
    pass


def table_counts() -> dict[str, int]:
    """Rows in every table of the database, by table name."""
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def file_checksums(root: Path) -> dict[str, str]:
    """SHA-256 of every file under `root`, by path relative to it."""
    checksums = {}
    if root.is_dir():
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for chunk in iter(lambda handle=handle: handle.read(1 << 20), b""):
                    digest.update(chunk)
            checksums[path.relative_to(root).as_posix()] = digest.hexdigest()
    return checksums


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    for key, name in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if db.get(name):
            env[key] = str(db[name])
    return env


def _run(command: list[str], env: dict) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=3600)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} gagal: {result.stderr.strip()[-2000:]}")


def make_backup(target: Path) -> dict:
    """Write the database and media into `target` (a new folder) with its manifest."""
    target.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
             f"--file={target / PG_DUMP}", connection.settings_dict["NAME"]],
            _pg_env(),
        )  # fmt: skip
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(target / SQLITE_COPY) as copy:
            connection.connection.backup(copy)
    else:
        raise BackupError(f"Basis data {connection.vendor} belum didukung.")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        shutil.copytree(media, target / "media")
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": connection.vendor,
        "tables": table_counts(),
        "files": file_checksums(media),
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore_backup(source: Path) -> dict:
    """Load `source` into the configured database and MEDIA_ROOT; returns its manifest."""
    manifest = json.loads((source / MANIFEST).read_text())
    if manifest["database"] != connection.vendor:
        raise BackupError(
            f"Cadangan ini dari {manifest['database']}, basis data sekarang {connection.vendor}."
        )
    if connection.vendor == "postgresql":
        _run(
            ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
             "--exit-on-error", f"--dbname={connection.settings_dict['NAME']}",
             str(source / PG_DUMP)],
            _pg_env(),
        )  # fmt: skip
    else:
        connection.close()
        shutil.copyfile(source / SQLITE_COPY, connection.settings_dict["NAME"])
    media = Path(settings.MEDIA_ROOT)
    if (source / "media").is_dir():
        shutil.copytree(source / "media", media, dirs_exist_ok=True)
    return manifest


def differences(manifest: dict) -> list[str]:
    """How the database and media now differ from the manifest (empty: a faithful copy)."""
    found = []
    counts = table_counts()
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            found.append(f"tabel {table}: {counts.get(table)} baris, seharusnya {expected}")
    checksums = file_checksums(Path(settings.MEDIA_ROOT))
    for name, expected in manifest["files"].items():
        if checksums.get(name) != expected:
            found.append(f"berkas {name}: {'berbeda' if name in checksums else 'tidak ada'}")
    return found
