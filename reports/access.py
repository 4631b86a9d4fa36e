"""Who may see and do what with reports: the one place views, services and templates ask.

Scope comes from `satker.access` (a report is visible when its satker is); the predicates
here add the report's state to the user's role. Getters answer 404 outside scope, never 403.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils import timezone

from satker import access as satker_access
from satker.models import Satker

from .models import Attachment, Report, ReportingPeriod

REPORT_SECTIONS = ["kelembagaan", "ppid", "obstacles"]


# Predicates ----------------------------------------------------------------------------------


def is_operator_of_report(user, report: Report) -> bool:
    return satker_access.is_operator_of(user, report.satker_id)


def can_start_report(user, satker: Satker) -> bool:
    """Only the satker's own operators create its monthly report."""
    return satker_access.is_operator_of(user, satker.pk)


def can_edit(user, report: Report) -> bool:
    return report.is_editable and is_operator_of_report(user, report)


def can_withdraw(user, report: Report) -> bool:
    """An operator may take back a report that no reviewer has acted on yet."""
    return report.is_submitted and is_operator_of_report(user, report)


def can_review(user, report: Report) -> bool:
    """Approve or return: a reviewer above the satker, while the report waits (needs parent)."""
    return report.is_submitted and satker_access.reviews_satker(user, report.satker)


def can_reopen(user, report: Report) -> bool:
    return report.is_approved and satker_access.is_admin(user)


def has_review_queue(user) -> bool:
    return satker_access.sees_many_satker(user)


# Getters -------------------------------------------------------------------------------------


def get_report_for_user(user, pk: int, *, sections: bool = False) -> Report:
    """The report `pk` if `user` may see it; 404 otherwise, never 403."""
    reports = Report.objects.visible_to(user).select_related("satker__parent", "period")
    if sections:
        reports = reports.select_related(*REPORT_SECTIONS)
    return get_object_or_404(reports, pk=pk)


def get_attachment_for_user(user, pk: int) -> Attachment:
    """The attachment `pk` if its report is in `user`'s scope; 404 otherwise."""
    return get_object_or_404(Attachment.objects.visible_to(user), pk=pk)


def get_period(year: int, month: int) -> ReportingPeriod:
    """Periods are the same for everyone: any signed-in user may read them."""
    return get_object_or_404(ReportingPeriod, year=year, month=month)


def get_row(report: Report, model, pk: int):
    """A row (publication, activity, DP3 village or activity) of a report the user may see
    (`report` comes from `get_report_for_user`); 404 otherwise."""
    return get_object_or_404(model, report=report, pk=pk)


def get_open_period(year: int, month: int) -> ReportingPeriod:
    """A period satker can report on today (its month has ended); 404 otherwise."""
    return get_object_or_404(
        ReportingPeriod.objects.open_on(timezone.localdate()), year=year, month=month
    )
