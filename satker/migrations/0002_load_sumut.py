"""Reference data: KPU Provinsi Sumatera Utara, its 33 kabupaten/kota, default divisions.

The list comes from satker/data/satker_sumut.csv (Kemendagri region codes). Frozen here as a
migration so every database, test databases included, starts with the same organisation.
"""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "satker_sumut.csv"

# The structure of a KPU provinsi/kabupaten/kota secretariat and divisions (decree of 2023);
# admins rename or merge them per satker as later decrees require.
DEFAULT_DIVISIONS = [
    ("divisi", "Teknis Penyelenggaraan"),
    ("divisi", "Perencanaan, Data dan Informasi"),
    ("divisi", "Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM"),
    ("divisi", "Hukum dan Pengawasan"),
    ("divisi", "Keuangan, Umum, Rumah Tangga dan Logistik"),
    ("subbagian", "Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat"),
]


def load(apps, schema_editor):
    Satker = apps.get_model("satker", "Satker")
    Division = apps.get_model("satker", "Division")
    with CSV_PATH.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_code = {}
    # Parents come before children in the file; the province is the first row.
    for row in rows:
        by_code[row["code"]] = Satker.objects.create(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent=by_code.get(row["parent_code"]) if row["parent_code"] else None,
        )
    Division.objects.bulk_create(
        Division(satker=satker, kind=kind, name=name, order=order)
        for satker in by_code.values()
        for order, (kind, name) in enumerate(DEFAULT_DIVISIONS, start=1)
    )


def unload(apps, schema_editor):
    Satker = apps.get_model("satker", "Satker")
    with CSV_PATH.open(encoding="utf-8") as f:
        codes = [row["code"] for row in csv.DictReader(f)]
    Satker.objects.filter(code__in=codes, parent__isnull=False).delete()
    Satker.objects.filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [("satker", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
