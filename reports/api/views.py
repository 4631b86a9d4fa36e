"""Reading reports over the API: periods, the list, one report, its rows, evidence, timeline.

Every object comes through `reports.access` (404 outside the caller's scope); lists start
from `visible_to(user)`.
"""

from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response

from restapi.etags import etag
from restapi.views import ApiViewMixin, api_view
from uploads import ALLOWED_TYPES, download_name

from .. import access
from ..models import Attachment, Report, ReportingPeriod
from .filters import PeriodFilter, ReportFilter
from .serializers import (
    EventSerializer,
    PeriodSerializer,
    ReportDetailSerializer,
    ReportSerializer,
)

ROW_PREFETCH = ["publications", "activities", "dp3_villages", "dp3_activities"]


@extend_schema(tags=["periode"], summary="Periode pelaporan beserta batas waktunya")
class PeriodList(ApiViewMixin, generics.ListAPIView):
    serializer_class = PeriodSerializer
    filterset_class = PeriodFilter
    queryset = ReportingPeriod.objects.all()


@extend_schema(tags=["periode"], summary="Satu periode (tahun-bulan)")
class PeriodDetail(ApiViewMixin, generics.RetrieveAPIView):
    serializer_class = PeriodSerializer

    def get_object(self):
        return access.get_period(self.kwargs["year"], self.kwargs["month"])


class ReportList(ApiViewMixin, generics.ListAPIView):
    serializer_class = ReportSerializer
    filterset_class = ReportFilter

    def get_queryset(self):
        return Report.objects.visible_to(self.request.user).select_related("satker", "period")

    @extend_schema(tags=["laporan"], summary="Laporan dalam cakupan akun")
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


def report_detail_response(request, report_id: int, status: int = 200) -> Response:
    """The report as it is now, with every section, its rows and evidence, and its ETag."""
    report = access.get_report_for_user(request.user, report_id, sections=True)
    prefetch_related_objects(
        [report],
        *ROW_PREFETCH,
        Prefetch("attachments", queryset=Attachment.objects.select_related("uploaded_by")),
    )
    data = ReportDetailSerializer(report, context={"request": request}).data
    return Response(data, status=status, headers={"ETag": etag(report.version)})


def rows_response(request, report, section: str, serializer_class) -> Response:
    rows = getattr(report, section).all()
    return Response(serializer_class(rows, many=True, context={"request": request}).data)


@extend_schema(
    tags=["laporan"],
    summary="Riwayat laporan: siapa, kapan, apa, catatannya",
    responses=EventSerializer(many=True),
)
@api_view(["GET"])
def timeline(request, pk: int):
    report = access.get_report_for_user(request.user, pk)
    return Response(EventSerializer(report.events.with_actor(), many=True).data)


@extend_schema(
    tags=["lampiran"],
    summary="Unduh berkas lampiran",
    responses={
        (200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description="Berkasnya.")
        for content_type in ALLOWED_TYPES
    },
)
@api_view(["GET"])
def attachment_file(request, pk: int):
    attachment = access.get_attachment_for_user(request.user, pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=download_name(attachment.original_name, attachment.content_type),
        content_type=attachment.content_type,
    )
