"""Saving a report's content from plain data, as an import or the API will: no form involved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from reports import services
from reports.models import Action, Publication, Report, ReportEvent, Status
from reports.services import (
    ActivityData,
    KelembagaanData,
    PpidData,
    PublicationData,
    ReportContent,
    WorkflowError,
)
from satker.models import Satker

pytestmark = pytest.mark.django_db

date = datetime.date


def publication(title, **fields):
    return PublicationData(date=date(2026, 10, 7), channel="website", title=title, **fields)


def test_an_import_fills_a_draft_without_any_form(draft_medan, operator_medan):
    content = ReportContent(
        kelembagaan=KelembagaanData(
            bakohumas_formed=True,
            sk_number="12/PP.08-SD/1271/2026",
            sk_date=date(2026, 2, 3),
            wa_group_formed=False,
            coordinated_with_pemda=True,
            member_polres=True,
        ),
        ppid=PpidData(requests_received=4, requests_fulfilled=3, requests_in_process=1),
        publications=[publication("Ayo cek DPT", url="https://kpu-medan.go.id/dpt")],
        activities=[
            ActivityData(
                date=date(2026, 10, 20),
                kind="sppb",
                title="Pendidikan pemilih pemula",
                place="SMA Negeri 1 Medan",
                segment="pemula",
                participants=120,
            )
        ],
    )
    services.save_report(report_id=draft_medan.pk, user=operator_medan, content=content)

    report = Report.objects.get(pk=draft_medan.pk)
    assert report.kelembagaan.member_polres is True
    assert report.ppid.requests_fulfilled == 3
    assert [p.url for p in report.publications.all()] == ["https://kpu-medan.go.id/dpt"]
    assert report.activities.get().participants == 120
    assert services.missing_for_submission(report) == []
    assert report.events.last().action == Action.SAVED


def test_rows_are_updated_by_id_added_without_and_removed_when_left_out(
    draft_medan, operator_medan
):
    first = ReportContent(publications=[publication("Satu"), publication("Dua")])
    services.save_report(report_id=draft_medan.pk, user=operator_medan, content=first)
    one, two = Publication.objects.filter(report=draft_medan).order_by("pk")

    second = ReportContent(
        publications=[publication("Satu, diperbaiki", id=one.pk), publication("Tiga")]
    )
    services.save_report(report_id=draft_medan.pk, user=operator_medan, content=second)

    rows = list(Publication.objects.filter(report=draft_medan).order_by("pk"))
    assert [(row.pk == one.pk, row.title) for row in rows] == [
        (True, "Satu, diperbaiki"),
        (False, "Tiga"),
    ]
    assert not Publication.objects.filter(pk=two.pk).exists()


def test_a_section_left_out_is_not_touched(draft_medan, operator_medan):
    services.save_report(
        report_id=draft_medan.pk,
        user=operator_medan,
        content=ReportContent(publications=[publication("Tetap ada")]),
    )
    services.save_report(
        report_id=draft_medan.pk,
        user=operator_medan,
        content=ReportContent(ppid=PpidData(requests_received=1, requests_fulfilled=1)),
    )
    assert list(draft_medan.publications.values_list("title", flat=True)) == ["Tetap ada"]


def test_rules_of_the_report_hold_without_a_form_and_nothing_is_written(
    draft_medan, operator_medan
):
    content = ReportContent(
        ppid=PpidData(requests_received=5, requests_fulfilled=1),
        publications=[publication("Tanpa skema", url="bukan tautan")],
    )
    with pytest.raises(ValidationError) as excinfo:
        services.save_report(report_id=draft_medan.pk, user=operator_medan, content=content)

    errors = excinfo.value.message_dict
    assert errors["ppid"] == [
        "Dipenuhi + ditolak + masih diproses harus sama dengan permohonan diterima."
    ]
    assert errors["publications.1"] == ["tautan: Masukkan URL yang valid."]
    assert not draft_medan.publications.exists()
    assert Report.objects.get(pk=draft_medan.pk).ppid.requests_received == 0


def test_a_row_of_another_report_cannot_be_changed_through_this_one(
    draft_medan, operator_medan, operator_binjai, october
):
    binjai = services.start_report(
        satker=operator_binjai.membership.satker, period=october, user=operator_binjai
    )
    services.save_report(
        report_id=binjai.pk,
        user=operator_binjai,
        content=ReportContent(publications=[publication("Milik Binjai")]),
    )
    foreign = binjai.publications.get()

    with pytest.raises(ValidationError, match="sudah tidak ada"):
        services.save_report(
            report_id=draft_medan.pk,
            user=operator_medan,
            content=ReportContent(publications=[publication("Diambil alih", id=foreign.pk)]),
        )
    foreign.refresh_from_db()
    assert (foreign.report_id, foreign.title) == (binjai.pk, "Milik Binjai")


def test_repeated_saves_are_one_line_in_the_timeline(draft_medan, operator_medan):
    for title in ["Satu", "Dua", "Tiga"]:
        services.save_report(
            report_id=draft_medan.pk,
            user=operator_medan,
            content=ReportContent(publications=[publication(title)]),
        )
    actions = list(draft_medan.events.values_list("action", flat=True))
    assert actions == [Action.CREATED, Action.SAVED]


def test_submitted_report_refuses_content(submitted_medan, operator_medan):
    with pytest.raises(WorkflowError, match="tidak dapat diubah lagi"):
        services.save_report(
            report_id=submitted_medan.pk,
            user=operator_medan,
            content=ReportContent(publications=[publication("Terlambat")]),
        )


def test_database_refuses_an_unknown_status_or_a_submission_without_its_time(
    october, operator_medan
):
    medan = Satker.objects.get(code="12.71")
    for fields in [{"status": "dikirim"}, {"status": Status.SUBMITTED}]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Report.objects.create(satker=medan, period=october, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportEvent.objects.create(
            report=Report.objects.create(satker=medan, period=october),
            actor=operator_medan,
            action="menghapus",
            to_status=Status.DRAFT,
        )
