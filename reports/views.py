from django.contrib import messages
from django.db.models import Count, Sum
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from satker.models import Role, Satker

from . import services
from .forms import ReopenForm, ReportForms, ReviewForm
from .models import (
    Activity,
    Attachment,
    Channel,
    Notification,
    Publication,
    Report,
    ReportingPeriod,
    Segment,
    Status,
)
from .services import WorkflowError
from .uploads import AttachmentForm

REPORT_SECTIONS = ["kelembagaan", "ppid", "obstacles"]


def get_report_for_user(user, pk: int, *, sections: bool = False) -> Report:
    """The report `pk` if `user` may see it; 404 otherwise, never 403."""
    reports = Report.objects.visible_to(user).select_related("satker__parent", "period")
    if sections:
        reports = reports.select_related(*REPORT_SECTIONS)
    return get_object_or_404(reports, pk=pk)


def my_reports(request):
    """Laporan saya: every period the satker can report on, with what to do next."""
    membership = request.user.membership_or_none
    if membership is None:
        raise Http404
    if membership.role == Role.REVIEWER:
        return redirect("reports:queue")
    today = timezone.localdate()
    periods = list(ReportingPeriod.objects.open_on(today)[:12])
    reports = {
        report.period_id: report
        for report in Report.objects.filter(satker_id=membership.satker_id, period__in=periods)
    }
    rows = [
        {
            "period": period,
            "report": reports.get(period.pk),
            "days_left": (period.deadline - today).days,
            "days_overdue": (today - period.deadline).days,
        }
        for period in periods
    ]
    return render(
        request,
        "reports/my_reports.html",
        {
            "rows": rows,
            "satker": membership.satker,
            "is_operator": membership.role == Role.OPERATOR,
        },
    )


@require_POST
def start(request, year: int, month: int):
    membership = request.user.membership_or_none
    if membership is None or membership.role != Role.OPERATOR:
        raise Http404
    period = get_object_or_404(
        ReportingPeriod.objects.open_on(timezone.localdate()), year=year, month=month
    )
    try:
        report = services.start_report(satker=membership.satker, period=period, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("reports:mine")
    return redirect("reports:edit", pk=report.pk)


def edit(request, pk: int):
    report = get_report_for_user(request.user, pk, sections=True)
    if not report.can_edit(request.user):
        messages.info(
            request, _("Laporan ini tidak dapat diubah oleh Anda; ditampilkan untuk dibaca.")
        )
        return redirect(report)
    forms = ReportForms(report, request.POST if request.method == "POST" else None)
    attachment_form = AttachmentForm(prefix="lampiran")
    if request.method == "POST":
        if request.FILES:
            attachment_form = AttachmentForm(request.POST, request.FILES, prefix="lampiran")
            if attachment_form.is_valid():
                _save_attachment(request, report, attachment_form)
                attachment_form = AttachmentForm(prefix="lampiran")
        if forms.is_valid():
            return _save_and_maybe_submit(request, report, forms, attachment_form)
        messages.error(
            request,
            _(
                "Ada isian yang perlu diperbaiki (ditandai ⚠). Isian Anda masih ada di formulir; "
                "perbaiki lalu simpan lagi."
            ),
        )
    return render(
        request,
        "reports/edit.html",
        {
            "report": report,
            "forms": forms,
            "attachment_form": attachment_form,
            "attachments": report.attachments.all(),
            "missing": services.missing_for_submission(report),
            "return_note": report.events.filter(to_status=Status.RETURNED)
            .select_related("actor")
            .last()
            if report.status == Status.RETURNED
            else None,
        },
    )


def _save_attachment(request, report, form) -> None:
    file = form.cleaned_data["file"]
    services.add_attachment(
        report_id=report.pk,
        user=request.user,
        file=file,
        content_type=form.cleaned_data["content_type"],
        description=form.cleaned_data["description"],
    )
    messages.success(request, _("Lampiran «%(name)s» tersimpan.") % {"name": file.name})


def _save_and_maybe_submit(request, report, forms, attachment_form):
    services.save_report(report_id=report.pk, user=request.user, save_sections=forms.save)
    if attachment_form.errors:
        for error in attachment_form.errors.get("file", []):
            messages.error(request, _("Lampiran ditolak: %(error)s") % {"error": error})
    if request.POST.get("action") != "kirim":
        messages.success(
            request,
            _("Draf tersimpan pukul %(time)s.") % {"time": timezone.localtime().strftime("%H.%M")},
        )
        return redirect("reports:edit", pk=report.pk)
    try:
        services.submit_report(report_id=report.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("reports:edit", pk=report.pk)
    messages.success(request, _("Laporan terkirim ke KPU Provinsi untuk diverifikasi."))
    return redirect("reports:detail", pk=report.pk)


def detail(request, pk: int):
    report = get_report_for_user(request.user, pk, sections=True)
    Notification.objects.filter(user=request.user, report=report, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "publications": report.publications.all(),
            "activities": report.activities.all(),
            "villages": report.dp3_villages.all(),
            "dp3_activities": report.dp3_activities.all(),
            "attachments": report.attachments.all(),
            "events": report.events.select_related("actor"),
            "review_form": ReviewForm(
                initial={"note": request.session.pop(f"review-note-{report.pk}", "")}
            )
            if report.can_review(request.user)
            else None,
            "reopen_form": ReopenForm() if report.can_reopen(request.user) else None,
            "can_withdraw": report.can_withdraw(request.user),
            "can_edit": report.can_edit(request.user),
        },
    )


@require_POST
def review(request, pk: int):
    report = get_report_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    note = form.cleaned_data.get("note", "")
    action = request.POST.get("action")
    try:
        if action == "setujui":
            services.approve_report(report_id=report.pk, user=request.user, note=note)
            messages.success(request, _("Laporan disetujui; operator satker diberi tahu."))
        elif action == "kembalikan":
            services.return_report(report_id=report.pk, user=request.user, note=note)
            messages.success(
                request, _("Laporan dikembalikan dengan catatan; operator diberi tahu.")
            )
        else:
            raise Http404
    except WorkflowError as error:
        messages.error(request, str(error))
        if note:
            # Keep the reviewer's words: they come back in the note box.
            request.session[f"review-note-{report.pk}"] = note
        return redirect(report)
    return redirect("reports:queue")


@require_POST
def withdraw(request, pk: int):
    report = get_report_for_user(request.user, pk)
    try:
        services.withdraw_report(report_id=report.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect(report)
    messages.success(request, _("Laporan ditarik kembali menjadi draf."))
    return redirect("reports:edit", pk=report.pk)


@require_POST
def reopen(request, pk: int):
    report = get_report_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        services.reopen_report(report_id=report.pk, user=request.user, note=note)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Laporan dibuka kembali; operator dapat memperbaikinya."))
    return redirect(report)


def review_queue(request):
    if not (request.user.is_reviewer or request.user.is_superuser):
        raise Http404
    reports = (
        Report.objects.visible_to(request.user).awaiting_review().select_related("satker", "period")
    )
    return render(request, "reports/queue.html", {"reports": reports})


def get_attachment_for_user(user, pk: int) -> Attachment:
    """The attachment `pk` if its report is in `user`'s scope; 404 otherwise."""
    return get_object_or_404(
        Attachment.objects.filter(report__in=Report.objects.visible_to(user)), pk=pk
    )


def attachment(request, pk: int):
    attachment = get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@require_POST
def delete_attachment(request, pk: int):
    attachment = get_attachment_for_user(request.user, pk)
    try:
        report = services.delete_attachment(attachment_id=attachment.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("reports:detail", pk=attachment.report_id)
    messages.success(
        request, _("Lampiran «%(name)s» dihapus.") % {"name": attachment.original_name}
    )
    return redirect("reports:edit", pk=report.pk)


def notifications(request):
    items = Notification.objects.filter(user=request.user).select_related(
        "report__period", "report__satker"
    )[:50]
    if request.method == "POST":
        Notification.objects.filter(user=request.user).unread().update(read_at=timezone.now())
        return redirect("reports:notifications")
    return render(request, "reports/notifications.html", {"notifications": items})


def recap(request, code: str, year: int):
    """Quarterly or annual recap of a satker, from its approved monthly reports only."""
    satker = get_object_or_404(Satker.objects.visible_to(request.user), code=code)
    quarter = request.GET.get("triwulan")
    months = range(1, 13)
    if quarter in {"1", "2", "3", "4"}:
        months = range(int(quarter) * 3 - 2, int(quarter) * 3 + 1)
    approved = Report.objects.filter(
        satker=satker, period__year=year, period__month__in=months, status=Status.APPROVED
    )
    reports = list(
        approved.select_related("period", "ppid", "kelembagaan")
        .annotate(
            n_publications=Count("publications", distinct=True),
            n_activities=Count("activities", distinct=True),
        )
        .order_by("period__month")
    )
    context = {
        "satker": satker,
        "year": year,
        "quarter": quarter if quarter in {"1", "2", "3", "4"} else None,
        "reports": reports,
        "expected": len(months),
        "by_channel": _count_by(Publication, approved, "channel", Channel),
        "by_segment": _count_by(Activity, approved, "segment", Segment, participants=True),
        "by_kind": _count_by(Activity, approved, "kind", Activity.Kind, participants=True),
        "ppid": approved.aggregate(
            received=Sum("ppid__requests_received"),
            fulfilled=Sum("ppid__requests_fulfilled"),
            rejected=Sum("ppid__requests_rejected"),
            objections=Sum("ppid__objections"),
        ),
        "latest": reports[-1] if reports else None,
    }
    return render(request, "reports/recap.html", context)


def _count_by(model, reports, field, choices, participants=False):
    aggregates = {"count": Count("pk")}
    if participants:
        aggregates["participants"] = Sum("participants")
    rows = model.objects.filter(report__in=reports).values(field).annotate(**aggregates)
    labels = dict(choices.choices)
    return [{**row, "label": labels.get(row[field], row[field])} for row in rows.order_by(field)]
