from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from notifications import services as notifications
from satker import access as satker_access
from uploads import download_name

from . import access, services
from .forms import AttachmentForm, ReopenForm, ReportForms, ReviewForm
from .messages import MY_REPORTS, REPORT_TARGET, REVIEW_QUEUE
from .models import (
    Report,
    ReportingPeriod,
)
from .services import WorkflowError


def my_reports(request):
    """Laporan saya: every period the satker can report on, with what to do next."""
    if satker_access.is_reviewer(request.user):
        return redirect("reports:queue")
    satker = satker_access.own_satker(request.user)
    if satker is None:
        raise Http404
    notifications.mark_read(user=request.user, target_type=MY_REPORTS, target_id=satker.pk)
    today = timezone.localdate()
    periods = list(ReportingPeriod.objects.open_on(today)[:12])
    reports = {
        report.period_id: report
        for report in Report.objects.filter(satker=satker, period__in=periods)
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
        {"rows": rows, "satker": satker, "is_operator": satker_access.is_operator(request.user)},
    )


@require_POST
def start(request, year: int, month: int):
    satker = satker_access.own_satker(request.user)
    if satker is None or not access.can_start_report(request.user, satker):
        raise Http404
    period = access.get_open_period(year, month)
    try:
        report = services.start_report(satker=satker, period=period, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("reports:mine")
    return redirect("reports:edit", pk=report.pk)


def edit(request, pk: int):
    report = access.get_report_for_user(request.user, pk, sections=True)
    if request.method != "POST" and not access.can_edit(request.user, report):
        messages.info(
            request, _("Laporan ini tidak dapat diubah oleh Anda; ditampilkan untuk dibaca.")
        )
        return redirect(report)
    # A POST goes on even when the report has just changed hands (a colleague sent it while
    # this was typed): the service refuses with its reason and the page keeps the input.
    forms = ReportForms(report, request.POST if request.method == "POST" else None)
    attachment_form = AttachmentForm(prefix="lampiran")
    if request.method == "POST":
        # Whatever goes wrong below, the page is shown again with everything typed in it.
        try:
            attachment_form = _take_attachment(request, report)
            if forms.is_valid():
                services.save_report(
                    report_id=report.pk, user=request.user, content=forms.content()
                )
                return _after_save(request, report, attachment_form)
            messages.error(
                request,
                _(
                    "Ada isian yang perlu diperbaiki (ditandai ⚠). Isian Anda masih ada di "
                    "formulir; perbaiki lalu simpan lagi."
                ),
            )
        except WorkflowError as error:
            messages.error(request, str(error))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    attachments = list(report.attachments.all())
    missing = services.missing_for_submission(report)
    return render(
        request,
        "reports/edit.html",
        {
            "report": report,
            "forms": forms,
            "attachment_form": attachment_form,
            "attachments": attachments,
            "missing": missing,
            "sections": forms.section_states(
                missing=missing, attachments=attachments, attachment_form=attachment_form
            ),
            "failed": request.method == "POST",
            "return_note": report.events.latest_return() if report.is_returned else None,
        },
    )


def _take_attachment(request, report) -> AttachmentForm:
    """Store a valid uploaded file at once, even if other fields still have errors."""
    if not request.FILES:
        return AttachmentForm(prefix="lampiran")
    form = AttachmentForm(request.POST, request.FILES, prefix="lampiran")
    if not form.is_valid():
        return form
    file = form.cleaned_data["file"]
    services.add_attachment(
        report_id=report.pk,
        user=request.user,
        file=file,
        content_type=form.cleaned_data["content_type"],
        description=form.cleaned_data["description"],
    )
    messages.success(request, _("Lampiran «%(name)s» tersimpan.") % {"name": file.name})
    return AttachmentForm(prefix="lampiran")


def _after_save(request, report, attachment_form):
    for error in attachment_form.errors.get("file", []):
        messages.error(request, _("Lampiran ditolak: %(error)s") % {"error": error})
    if request.POST.get("action") != "kirim":
        messages.success(
            request,
            _("Draf tersimpan pukul %(time)s.") % {"time": timezone.localtime().strftime("%H.%M")},
        )
        return _go(request, reverse("reports:edit", kwargs={"pk": report.pk}))
    try:
        services.submit_report(report_id=report.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return _go(request, reverse("reports:edit", kwargs={"pk": report.pk}))
    messages.success(request, _("Laporan terkirim ke KPU Provinsi untuk diverifikasi."))
    return _go(request, report.get_absolute_url())


def _go(request, url):
    """Where to go after a save: a redirect, or for the page's own save script (which shows
    progress and survives a dropped connection) the address to go to."""
    if request.headers.get("X-Portal-Save"):
        return JsonResponse({"redirect": url})
    return redirect(url)


def detail(request, pk: int):
    report = access.get_report_for_user(request.user, pk, sections=True)
    notifications.mark_read(user=request.user, target_type=REPORT_TARGET, target_id=report.pk)
    can_review = access.can_review(request.user, report)
    events = list(report.events.with_actor())
    return_note = None
    if report.is_returned:  # the reviewer's note goes first on the page: it says what to fix
        return_note = next((e for e in reversed(events) if e.sends_back), None)
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
            "events": events,
            "return_note": return_note,
            "review_form": ReviewForm(
                initial={"note": request.session.pop(f"review-note-{report.pk}", "")}
            )
            if can_review
            else None,
            "reopen_form": ReopenForm() if access.can_reopen(request.user, report) else None,
            "can_withdraw": access.can_withdraw(request.user, report),
            "can_edit": access.can_edit(request.user, report),
            "from_queue": access.has_review_queue(request.user),
        },
    )


@require_POST
def review(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
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
    report = access.get_report_for_user(request.user, pk)
    try:
        services.withdraw_report(report_id=report.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect(report)
    messages.success(request, _("Laporan ditarik kembali menjadi draf."))
    return redirect("reports:edit", pk=report.pk)


@require_POST
def reopen(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
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
    if not access.has_review_queue(request.user):
        raise Http404
    own = satker_access.own_satker(request.user)
    if own is not None:  # reading the queue reads the weekly digest that pointed here
        notifications.mark_read(user=request.user, target_type=REVIEW_QUEUE, target_id=own.pk)
    reports = (
        Report.objects.visible_to(request.user).awaiting_review().select_related("satker", "period")
    )
    return render(request, "reports/queue.html", {"reports": reports})


def attachment(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=download_name(attachment.original_name, attachment.content_type),
        content_type=attachment.content_type,
    )


@require_POST
def delete_attachment(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk)
    try:
        report = services.delete_attachment(attachment_id=attachment.pk, user=request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect("reports:detail", pk=attachment.report_id)
    messages.success(
        request, _("Lampiran «%(name)s» dihapus.") % {"name": attachment.original_name}
    )
    return redirect("reports:edit", pk=report.pk)
