"""Every workflow step, allowed and refused, by role."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from reports import access, services
from reports.models import Action, Dp3Village, Notification, Report, ReportEvent, Status
from reports.services import WorkflowError
from satker.models import Role

from ..factories import complete, staff

pytestmark = pytest.mark.django_db


def wib(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=timezone.get_default_timezone())


def test_operator_starts_a_draft_with_every_section_and_a_timeline(draft_medan, operator_medan):
    assert draft_medan.status == Status.DRAFT
    assert draft_medan.kelembagaan.bakohumas_formed is None
    assert draft_medan.ppid.requests_received == 0
    assert draft_medan.obstacles.follow_up == ""
    event = draft_medan.events.get()
    assert (event.actor, event.action, event.to_status) == (
        operator_medan,
        Action.CREATED,
        Status.DRAFT,
    )


def test_starting_twice_gives_the_same_report(draft_medan, october, operator_medan):
    again = services.start_report(satker=draft_medan.satker, period=october, user=operator_medan)
    assert again.pk == draft_medan.pk
    assert Report.objects.count() == 1


def test_pimpinan_and_reviewer_cannot_start_a_report(october, pimpinan_medan, reviewer_sumut):
    medan = pimpinan_medan.membership.satker
    for user in (pimpinan_medan, reviewer_sumut):
        with pytest.raises(WorkflowError, match="Hanya operator"):
            services.start_report(satker=medan, period=october, user=user)


def test_new_report_is_prefilled_from_the_previous_month(draft_medan, operator_medan):
    complete(draft_medan)
    Dp3Village.objects.create(
        report=draft_medan, name="Desa Sei Mencirim", district="Sunggal", cadres_women=7
    )
    from reports.models import ReportingPeriod

    november = ReportingPeriod.objects.create(
        year=2026, month=11, deadline=datetime.date(2026, 12, 10)
    )
    nxt = services.start_report(satker=draft_medan.satker, period=november, user=operator_medan)

    assert nxt.kelembagaan.sk_number == "12/PP.08-SD/1271/2026"
    assert nxt.kelembagaan.wa_member_count == 41
    assert nxt.kelembagaan.coordinated_with_pemda is None  # asked again every month
    assert [(v.name, v.cadres_women) for v in nxt.dp3_villages.all()] == [("Desa Sei Mencirim", 7)]
    assert nxt.publications.count() == 0


def test_an_incomplete_report_cannot_be_sent_and_says_what_is_missing(draft_medan, operator_medan):
    with pytest.raises(WorkflowError) as excinfo:
        services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    message = str(excinfo.value)
    assert "Bakohumas sudah dibentuk" in message
    assert "sedikitnya satu publikasi atau kegiatan" in message
    assert Report.objects.get(pk=draft_medan.pk).status == Status.DRAFT


def test_an_explanation_in_f_stands_in_for_publications(draft_medan, operator_medan):
    complete(draft_medan, publications=0)
    draft_medan.obstacles.no_activity_reason = "Anggaran kegiatan baru cair November."
    draft_medan.obstacles.save()
    report = services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    assert report.status == Status.SUBMITTED


def test_submission_notifies_the_provinces_reviewers(
    draft_medan, operator_medan, reviewer_sumut, django_capture_on_commit_callbacks
):
    complete(draft_medan)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(report_id=draft_medan.pk, user=operator_medan)

    note = Notification.objects.get(user=reviewer_sumut)
    assert "KPU Kota Medan mengirim laporan Oktober 2026" in note.message
    assert [m.to for m in mail.outbox] == [[reviewer_sumut.email]]
    assert "/laporan/" in mail.outbox[0].body


def test_return_requires_a_note(submitted_medan, reviewer_sumut):
    with pytest.raises(WorkflowError, match="Tuliskan catatan"):
        services.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="  ")
    assert Report.objects.get(pk=submitted_medan.pk).status == Status.SUBMITTED


def test_return_resubmit_approve_keeps_the_first_submission_time(
    submitted_medan, operator_medan, reviewer_sumut
):
    first = submitted_medan.first_submitted_at
    services.return_report(
        report_id=submitted_medan.pk, user=reviewer_sumut, note="Tautan publikasi 2 rusak."
    )
    assert Notification.objects.filter(
        user=operator_medan, message__contains="dikembalikan"
    ).exists()
    resubmitted = services.submit_report(report_id=submitted_medan.pk, user=operator_medan)
    assert resubmitted.first_submitted_at == first
    assert resubmitted.submitted_at > first
    approved = services.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)

    assert approved.status == Status.APPROVED
    steps = list(approved.events.values_list("action", "from_status", "to_status", "note"))
    assert steps == [
        ("created", "", "draft", ""),
        ("submitted", "draft", "submitted", ""),
        ("returned", "submitted", "returned", "Tautan publikasi 2 rusak."),
        ("resubmitted", "returned", "submitted", ""),
        ("approved", "submitted", "approved", ""),
    ]


def test_operator_cannot_approve_or_return(submitted_medan, operator_medan):
    with pytest.raises(WorkflowError):
        services.approve_report(report_id=submitted_medan.pk, user=operator_medan)
    with pytest.raises(WorkflowError):
        services.return_report(report_id=submitted_medan.pk, user=operator_medan, note="x")


def test_reviewer_of_another_province_cannot_review(submitted_medan, national_tree):
    aceh_reviewer = staff("reviewer.aceh", "11", Role.REVIEWER)
    with pytest.raises(WorkflowError, match="membawahi"):
        services.approve_report(report_id=submitted_medan.pk, user=aceh_reviewer)


def test_reviewer_cannot_edit_content(draft_medan, reviewer_sumut):
    with pytest.raises(WorkflowError, match="Hanya operator satker ini"):
        services.save_report(
            report_id=draft_medan.pk, user=reviewer_sumut, content=services.ReportContent()
        )


def test_operator_of_another_satker_cannot_edit(draft_medan, operator_binjai):
    with pytest.raises(WorkflowError):
        services.save_report(
            report_id=draft_medan.pk, user=operator_binjai, content=services.ReportContent()
        )


def test_approved_report_is_read_only(submitted_medan, operator_medan, reviewer_sumut):
    services.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)
    with pytest.raises(WorkflowError):
        services.save_report(
            report_id=submitted_medan.pk, user=operator_medan, content=services.ReportContent()
        )
    with pytest.raises(WorkflowError):
        services.withdraw_report(report_id=submitted_medan.pk, user=operator_medan)
    with pytest.raises(WorkflowError, match="sudah diproses"):
        services.return_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="x")


def test_operator_withdraws_an_unreviewed_report(submitted_medan, operator_medan, pimpinan_medan):
    with pytest.raises(WorkflowError):
        services.withdraw_report(report_id=submitted_medan.pk, user=pimpinan_medan)
    report = services.withdraw_report(report_id=submitted_medan.pk, user=operator_medan)
    assert report.status == Status.DRAFT


def test_only_an_admin_reopens_an_approved_report_with_a_reason(
    submitted_medan, reviewer_sumut, superuser, operator_medan
):
    services.approve_report(report_id=submitted_medan.pk, user=reviewer_sumut)
    with pytest.raises(WorkflowError, match="Hanya admin"):
        services.reopen_report(report_id=submitted_medan.pk, user=reviewer_sumut, note="x")
    with pytest.raises(WorkflowError, match="alasan"):
        services.reopen_report(report_id=submitted_medan.pk, user=superuser, note="")
    report = services.reopen_report(
        report_id=submitted_medan.pk, user=superuser, note="Salah input jumlah peserta."
    )
    assert report.status == Status.RETURNED
    assert access.can_edit(operator_medan, report)
    event = ReportEvent.objects.filter(report=report).last()
    assert (event.actor, event.action, event.from_status, event.note) == (
        superuser,
        Action.REOPENED,
        Status.APPROVED,
        "Salah input jumlah peserta.",
    )


@pytest.mark.parametrize(
    ("sent_at", "late"),
    [
        (wib(2026, 11, 10, 23, 59), False),
        (wib(2026, 11, 11, 0, 1), True),
    ],
)
def test_first_submission_by_the_deadline_day_in_wib_is_on_time(
    draft_medan, operator_medan, monkeypatch, sent_at, late
):
    complete(draft_medan)
    monkeypatch.setattr(timezone, "now", lambda: sent_at)
    report = services.submit_report(report_id=draft_medan.pk, user=operator_medan)
    assert report.late is late
