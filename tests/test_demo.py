"""`make run`'s demo: accounts printed once, and reports in each state to look at."""

import datetime

import pytest
from django.core.management import CommandError, call_command

from reports.models import Report, ReportingPeriod, Status
from satker.models import User


@pytest.mark.django_db
def test_demo_accounts_are_printed_once_and_reports_cover_each_state(settings, capsys):
    settings.DEBUG = True
    ReportingPeriod.objects.create(year=2026, month=10, deadline=datetime.date(2026, 11, 10))

    call_command("seed_demo")
    first = capsys.readouterr().out
    call_command("seed_demo")
    second = capsys.readouterr().out
    call_command("seed_demo_reports")
    call_command("seed_demo_reports")

    assert "reviewer.sumut" in first
    assert "kata sandi hanya ditampilkan sekali" in first
    assert "sudah ada" in second
    assert "reviewer.sumut" not in second
    assert User.objects.get(username="admin").is_superuser
    states = dict(Report.objects.values_list("satker__code", "status"))
    assert states == {"12.71": Status.APPROVED, "12.75": Status.SUBMITTED, "12.04": Status.DRAFT}


@pytest.mark.django_db
def test_demo_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
