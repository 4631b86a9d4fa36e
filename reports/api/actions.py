"""Changing reports over the API, through the same services (and so the same rules,
messages, timeline and notifications) as the pages.

A service's WorkflowError is 403 when the caller's role may never take the step (a reviewer
editing, an operator approving) and 409 when the report's state forbids it now; StaleReport
(the If-Match version is old) is 412.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.decorators import parser_classes
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from restapi.errors import Conflict, PreconditionFailed
from restapi.etags import if_match
from restapi.schema import error
from restapi.views import api_view
from satker import access as satker_access
from uploads import check_upload

from .. import access, services
from ..models import Activity, Dp3Activity, Dp3Village, Publication
from ..models.periods import parse_period_key
from .content import content_from, row_from, service_errors
from .serializers import (
    ActivityInput,
    ActivitySerializer,
    AttachmentSerializer,
    AttachmentUploadSerializer,
    Dp3ActivityInput,
    Dp3ActivitySerializer,
    Dp3VillageInput,
    Dp3VillageSerializer,
    NoteSerializer,
    PublicationInput,
    PublicationSerializer,
    ReportContentInput,
    ReportDetailSerializer,
    ReturnNoteSerializer,
    StartReportSerializer,
)
from .views import ReportList, report_detail_response, rows_response


@contextmanager
def refusals(*, forbidden: bool):
    """The services' refusals as API errors; `forbidden`: the caller's role can never do it."""
    try:
        yield
    except services.StaleReport as refusal:
        raise PreconditionFailed(str(refusal)) from refusal
    except services.WorkflowError as refusal:
        if forbidden:
            raise exceptions.PermissionDenied(str(refusal)) from refusal
        raise Conflict(str(refusal)) from refusal
    except DjangoValidationError as invalid:
        raise serializers.ValidationError(service_errors(invalid)) from invalid


def _valid(serializer_class, request, **kwargs):
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description="ETag laporan yang terakhir dibaca; bila laporan sudah berubah: 412.",
)
IF_MATCH_REQUIRED = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="ETag laporan yang terakhir dibaca (wajib): bila laporan sudah berubah, 412.",
)
WRITE_ERRORS = {
    409: error("Tidak dapat dilakukan pada status laporan sekarang (pesan alur kerja)."),
    412: error("Laporan sudah berubah sejak dibaca (If-Match usang)."),
}


# Creating and changing a draft -----------------------------------------------------------------


START_SCHEMA = extend_schema(
    tags=["laporan"],
    summary="Buat draf laporan satker untuk satu periode (operator)",
    description="Bila laporannya sudah ada, laporan itu yang dikembalikan (200).",
    request=StartReportSerializer,
    responses={
        201: ReportDetailSerializer,
        200: ReportDetailSerializer,
        404: error("Satker tidak ada atau di luar cakupan akun."),
        **WRITE_ERRORS,
    },
)


class ReportListAndStart(ReportList):
    """/reports/: GET lists (views.ReportList), POST starts a draft."""

    @START_SCHEMA
    def post(self, request, *args, **kwargs):
        return start(request)


def start(request):
    data = _valid(StartReportSerializer, request)
    if "satker" in data:
        satker = satker_access.get_satker_for_user(request.user, data["satker"])
    else:
        satker = satker_access.own_satker(request.user)
        if satker is None:
            raise exceptions.PermissionDenied(_("Akun ini bukan staf satker mana pun."))
    year, month = parse_period_key(data["period"])
    try:
        period = access.get_open_period(year, month)
    except Http404:
        raise serializers.ValidationError(
            {"period": [_("Periode ini tidak ada atau bulannya belum berakhir.")]}
        ) from None
    with refusals(forbidden=not access.can_start_report(request.user, satker)):
        report, created = services.get_or_start_report(
            satker=satker, period=period, user=request.user
        )
    answer = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return report_detail_response(request, report.pk, status=answer)


@extend_schema(
    methods=["GET"],
    tags=["laporan"],
    summary="Satu laporan: semua bagian dan barisnya, lampiran; header ETag",
    responses=ReportDetailSerializer,
)
@extend_schema(
    methods=["PATCH"],
    tags=["laporan"],
    summary="Ubah bagian-bagian draf (operator), dengan If-Match",
    parameters=[IF_MATCH_REQUIRED],
    request=ReportContentInput,
    responses={200: ReportDetailSerializer, **WRITE_ERRORS, 428: error("Tanpa If-Match.")},
)
@api_view(["GET", "PATCH"])
def report(request, pk: int):
    if request.method == "GET":
        return report_detail_response(request, pk)
    return update(request, pk)


def update(request, pk: int):
    report = access.get_report_for_user(request.user, pk, sections=True)
    version = if_match(request, required=True)
    data = _valid(ReportContentInput, request)
    with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
        content = content_from(report, data)
        services.save_report(
            report_id=report.pk, user=request.user, content=content, expected_version=version
        )
    return report_detail_response(request, report.pk)


ROW_ENDPOINTS = {
    "publications": (Publication, PublicationInput, PublicationSerializer, "B. Publikasi"),
    "activities": (Activity, ActivityInput, ActivitySerializer, "C. Kegiatan"),
    "dp3_villages": (Dp3Village, Dp3VillageInput, Dp3VillageSerializer, "D. Desa DP3"),
    "dp3_activities": (Dp3Activity, Dp3ActivityInput, Dp3ActivitySerializer, "D. Kegiatan DP3"),
}


def rows_views(section: str):
    """GET the rows of a section, POST one more; DELETE one row."""
    model, input_class, output_class, label = ROW_ENDPOINTS[section]

    @extend_schema(
        methods=["GET"],
        tags=["laporan"],
        summary=f"{label}: baris-baris",
        responses=output_class(many=True),
    )
    @extend_schema(
        methods=["POST"],
        tags=["laporan"],
        summary=f"{label}: tambah satu baris (operator)",
        parameters=[IF_MATCH],
        request=input_class,
        responses={201: output_class, **WRITE_ERRORS},
    )
    @api_view(["GET", "POST"])
    def rows(request, pk: int):
        report = access.get_report_for_user(request.user, pk)
        if request.method == "GET":
            return rows_response(request, report, section, output_class)
        version = if_match(request, required=False)
        values = _valid(input_class, request)
        with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
            errors = {}
            row = row_from(section, values, path=section, errors=errors)
            if errors:
                raise serializers.ValidationError(errors)
            added = services.add_row(
                report_id=report.pk, user=request.user, row=row, expected_version=version
            )
        return Response(output_class(added).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        tags=["laporan"],
        summary=f"{label}: hapus satu baris (operator)",
        parameters=[IF_MATCH],
        responses={204: None, **WRITE_ERRORS},
    )
    @api_view(["DELETE"])
    def row(request, pk: int, row_id: int):
        report = access.get_report_for_user(request.user, pk)
        access.get_row(report, model, row_id)
        version = if_match(request, required=False)
        with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
            services.remove_row(
                report_id=report.pk,
                user=request.user,
                section=section,
                row_id=row_id,
                expected_version=version,
            )
        return Response(status=status.HTTP_204_NO_CONTENT)

    return rows, row


# Evidence ------------------------------------------------------------------------------------


@extend_schema(
    methods=["GET"],
    tags=["lampiran"],
    summary="Lampiran laporan",
    responses=AttachmentSerializer(many=True),
)
@extend_schema(
    methods=["POST"],
    tags=["lampiran"],
    summary="Unggah lampiran (operator): isi berkas diperiksa seperti di halaman",
    parameters=[IF_MATCH],
    request={"multipart/form-data": AttachmentUploadSerializer},
    responses={201: AttachmentSerializer, **WRITE_ERRORS},
)
@api_view(["GET", "POST"])
@parser_classes([MultiPartParser])
def attachments(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    if request.method == "GET":
        queryset = report.attachments.select_related("uploaded_by")
        return Response(
            AttachmentSerializer(queryset, many=True, context={"request": request}).data
        )
    version = if_match(request, required=False)
    data = _valid(AttachmentUploadSerializer, request)
    try:
        content_type = check_upload(data["file"])
    except DjangoValidationError as refused:
        raise serializers.ValidationError({"file": refused.messages}) from refused
    with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
        attachment = services.add_attachment(
            report_id=report.pk,
            user=request.user,
            file=data["file"],
            content_type=content_type,
            description=data["description"] or "",
            expected_version=version,
        )
    return Response(
        AttachmentSerializer(attachment, context={"request": request}).data,
        status=status.HTTP_201_CREATED,
    )


@extend_schema(
    tags=["lampiran"], summary="Keterangan satu lampiran", responses=AttachmentSerializer
)
@extend_schema(
    methods=["DELETE"],
    summary="Hapus lampiran (operator)",
    parameters=[IF_MATCH],
    responses={204: None, **WRITE_ERRORS},
)
@api_view(["GET", "DELETE"])
def attachment(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk)
    if request.method == "GET":
        return Response(AttachmentSerializer(attachment, context={"request": request}).data)
    version = if_match(request, required=False)
    report = attachment.report
    with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
        services.delete_attachment(
            attachment_id=attachment.pk, user=request.user, expected_version=version
        )
    return Response(status=status.HTTP_204_NO_CONTENT)


# The workflow ----------------------------------------------------------------------------------

STEP = {"tags": ["alur kerja"], "responses": {200: ReportDetailSerializer, **WRITE_ERRORS}}


@extend_schema(summary="Kirim ke KPU Provinsi (operator)", request=None, **STEP)
@api_view(["POST"])
def submit(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
        services.submit_report(report_id=report.pk, user=request.user)
    return report_detail_response(request, report.pk)


@extend_schema(summary="Tarik kembali menjadi draf (operator)", request=None, **STEP)
@api_view(["POST"])
def withdraw(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    with refusals(forbidden=not access.is_operator_of_report(request.user, report)):
        services.withdraw_report(report_id=report.pk, user=request.user)
    return report_detail_response(request, report.pk)


@extend_schema(summary="Setujui (reviewer)", request=NoteSerializer, **STEP)
@api_view(["POST"])
def approve(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    note = _valid(NoteSerializer, request)["note"]
    with refusals(forbidden=not satker_access.reviews_satker(request.user, report.satker)):
        services.approve_report(report_id=report.pk, user=request.user, note=note)
    return report_detail_response(request, report.pk)


@extend_schema(
    summary="Kembalikan untuk diperbaiki, dengan catatan (reviewer)",
    request=ReturnNoteSerializer,
    **STEP,
)
@api_view(["POST"])
def return_(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    note = _valid(ReturnNoteSerializer, request)["note"]
    with refusals(forbidden=not satker_access.reviews_satker(request.user, report.satker)):
        try:
            services.return_report(report_id=report.pk, user=request.user, note=note)
        except services.WorkflowError as refusal:
            if not note.strip():  # the service asks for the note first: a field to fix
                raise serializers.ValidationError({"note": [str(refusal)]}) from refusal
            raise
    return report_detail_response(request, report.pk)
