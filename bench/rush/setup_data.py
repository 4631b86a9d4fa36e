"""Data for the deadline rush: 514 kabupaten/kota with an operator each (password `rush`),
a few reviewers, and last month's period open, on a throw-away *_bench database.

    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakohumas_rush \\
        .venv/bin/python bench/rush/setup_data.py
"""

import datetime
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.utils import timezone  # noqa: E402

from reports.deadlines import month_before  # noqa: E402
from reports.models import ReportingPeriod  # noqa: E402
from satker.models import Level, Membership, Role, Satker, User  # noqa: E402

assert "rush" in settings.DATABASES["default"]["NAME"], "use a throw-away *_rush database"
call_command("migrate", verbosity=0)

REGENCIES = 514
PASSWORD = make_password("rush")

if not Satker.objects.filter(code="99").exists():
    extra = REGENCIES - Satker.objects.regencies().count()
    provinces = [
        Satker.objects.create(code=str(62 + n), name=f"KPU Provinsi Uji {n}", level=Level.PROVINSI)
        for n in range(36)
    ] + [Satker.objects.create(code="99", name="KPU Provinsi Akhir", level=Level.PROVINSI)]
    Satker.objects.bulk_create(
        Satker(
            code=f"{provinces[n // 14].code}.{n % 14 + 1:02d}",
            name=f"KPU Kabupaten Uji {n}",
            level=Level.KABUPATEN,
            parent=provinces[n // 14],
        )
        for n in range(extra)
    )
    regencies = list(Satker.objects.regencies().order_by("code"))
    people = [(f"op{n:03d}", satker, Role.OPERATOR) for n, satker in enumerate(regencies)]
    people += [(f"rev{n}", Satker.objects.get(code="12"), Role.REVIEWER) for n in range(5)]
    users = User.objects.bulk_create(
        User(username=username, email=f"{username}@example.org", password=PASSWORD)
        for username, _satker, _role in people
    )
    Membership.objects.bulk_create(
        Membership(user=user, satker=satker, role=role)
        for user, (_u, satker, role) in zip(users, people, strict=True)
    )
today = timezone.localdate()
year, month = month_before(today)
ReportingPeriod.objects.get_or_create(
    year=year, month=month, defaults={"deadline": today + datetime.timedelta(days=1)}
)
print(f"{Satker.objects.regencies().count()} kabupaten/kota, {User.objects.count()} akun")
