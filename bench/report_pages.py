"""Median time of the report pages at province scale: 33 satker x 12 months of reports.

Run by hand (never in the suite), against a throw-away database:
    createdb -h 127.0.0.1 -U postgres bakohumas_bench
    DEBUG=true DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakohumas_bench \
        .venv/bin/python bench/report_pages.py
It migrates that database, fills it once, then times each page in-process with Django's test
client (no network, no gunicorn): what the view, the queries and the template cost.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bakohumas.celery import app  # noqa: E402
from reports import services  # noqa: E402
from reports.models import Activity, Publication, Report, ReportingPeriod  # noqa: E402
from satker.models import Role, Satker, User  # noqa: E402
from satker.services import create_staff_account  # noqa: E402

assert "bench" in settings.DATABASES["default"]["NAME"], "use a throw-away *_bench database"
app.conf.task_always_eager = True
settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
settings.ALLOWED_HOSTS = ["testserver"]
setup_test_environment()
call_command("migrate", verbosity=0)


def populate():
    if Report.objects.exists():
        return
    reviewer = create_staff_account(
        username="bench.reviewer", full_name="Bench Reviewer", email="r@example.org",
        satker=Satker.objects.get(code="12"), role=Role.REVIEWER, password="x",
    )  # fmt: skip
    for satker in Satker.objects.regencies():
        operator = create_staff_account(
            username=f"bench.{satker.code}", full_name="Bench Operator", email="o@example.org",
            satker=satker, role=Role.OPERATOR, password="x",
        )  # fmt: skip
        for month in range(1, 13):
            period, _ = ReportingPeriod.objects.get_or_create(
                year=2025, month=month, defaults={"deadline": datetime.date(2025, month, 28)}
            )
            report = services.start_report(satker=satker, period=period, user=operator)
            k = report.kelembagaan
            k.bakohumas_formed = k.wa_group_formed = k.coordinated_with_pemda = True
            k.sk_number, k.sk_date, k.wa_member_count = "1/2025", datetime.date(2025, 1, 2), 30
            k.save()
            Publication.objects.bulk_create(
                Publication(report=report, date=period.first_day, channel="website", title=f"P{i}")
                for i in range(10)
            )
            Activity.objects.bulk_create(
                Activity(report=report, date=period.first_day, kind="sppb", title=f"K{i}",
                         place="Aula", segment="pemula", participants=50)
                for i in range(3)
            )  # fmt: skip
            services.submit_report(report_id=report.pk, user=operator)
            if month < 12:
                services.approve_report(report_id=report.pk, user=reviewer)


def timed(client, url, runs=40):
    client.get(url)  # warm-up
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


populate()
reviewer = User.objects.get(username="bench.reviewer")
operator = User.objects.get(username="bench.12.71")
report = Report.objects.filter(satker__code="12.71").order_by("-period__month").first()
as_reviewer, as_operator = Client(), Client()
as_reviewer.force_login(reviewer)
as_operator.force_login(operator)
print(f"{Report.objects.count()} reports, {Publication.objects.count()} publications")
for label, client, url in [
    ("review queue (33 waiting)", as_reviewer, "/laporan/verifikasi/"),
    ("report page", as_reviewer, f"/laporan/{report.pk}/"),
    ("Laporan saya (12 periods)", as_operator, "/laporan/"),
    ("annual recap", as_reviewer, "/laporan/rekap/12.71/2025/"),
    ("provincial overview", as_reviewer, "/satker/"),
]:
    print(f"{label:<28} {timed(client, url):6.1f} ms median")
