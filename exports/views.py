from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access, services
from .registry import get_kind


@require_POST
def create(request):
    """An export asked for from a dashboard: the file at once, or a job with a progress bar."""
    kind = get_kind(request.POST.get("kind", ""), request.POST.get("format", ""))
    format = request.POST["format"]
    params = kind.parse(request.POST)
    title = kind.check_scope(request.user, params)  # 404 outside the user's scope
    if not kind.is_big(request.user, params):
        exported = services.export_now(
            user=request.user, kind=kind.name, format=format, params=params
        )
        disposition = content_disposition_header(True, exported.filename)
        return HttpResponse(
            exported.content,
            content_type=exported.content_type,
            headers={"Content-Disposition": disposition},
        )
    job = services.request_export(
        user=request.user, kind=kind.name, format=format, params=params, title=title
    )
    return redirect(job)


def job_list(request):
    return render(request, "exports/list.html", {"jobs": access.recent_jobs_of(request.user)})


def detail(request, pk):
    job = access.get_job_for_user(request.user, pk)
    return render(request, "exports/detail.html", {"job": job})


def status(request, pk):
    """What the progress bar polls."""
    job = access.get_job_for_user(request.user, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "progress": job.progress,
            "finished": job.is_finished,
            "download_url": reverse("exports:download", kwargs={"pk": job.pk})
            if job.file
            else None,
            "error": job.error,
            "download_label": _("Unduh %(name)s") % {"name": job.filename} if job.file else "",
        }
    )


def download(request, pk):
    job = access.get_job_for_user(request.user, pk)
    if not job.file:
        return redirect(job)
    return FileResponse(
        job.file.open("rb"),
        as_attachment=True,
        filename=job.filename,
        content_type=services.CONTENT_TYPES[job.format],
    )
