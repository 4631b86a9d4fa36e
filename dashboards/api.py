"""Compliance over the REST API: the dashboards' matrix and rates, as JSON, for a year.

The numbers come from the functions the pages use (`compliance.province_matrix`,
`compliance.national_matrix`), on the same scope (`dashboards.access`, 404 outside it), so
a program reads what the province's overview page shows. Unlike the pages, nothing here is
cached: each call counts afresh.
"""

from __future__ import annotations

from django.http import Http404
from django.urls import path, reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from restapi.schema import error
from restapi.views import api_view
from satker.models import Level, Satker

from . import access
from .compliance import (
    Calendar,
    CellState,
    Rate,
    is_due,
    national_matrix,
    province_matrix,
    regencies_below,
)

STATES = [
    value for name, value in vars(CellState).items() if name.isupper() and isinstance(value, str)
]


# Output --------------------------------------------------------------------------------------


class ComplianceSatkerSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)


class RateSerializer(serializers.Serializer):
    """Counts over the months whose deadline has passed; rates in percent."""

    received = serializers.IntegerField(
        help_text="Laporan diterima: dikirim dan tidak ditarik (menunggu verifikasi, "
        "dikembalikan atau disetujui), dari periode yang sudah lewat batas waktunya."
    )
    on_time = serializers.IntegerField(help_text="Yang pertama kali dikirim sebelum batas waktu.")
    expected = serializers.IntegerField(
        help_text="Laporan yang wajib ada: periode yang lewat batas waktu, sejak satker "
        "wajib lapor."
    )
    reporting = serializers.FloatField(
        allow_null=True,
        help_text="Tingkat pelaporan, persen: received ÷ expected × 100 (null bila belum ada "
        "yang wajib).",
    )
    timeliness = serializers.FloatField(
        allow_null=True, help_text="Ketepatan waktu, persen: on_time ÷ expected × 100."
    )

    def to_representation(self, rate: Rate) -> dict:
        return {
            "received": rate.received,
            "on_time": rate.on_time,
            "expected": rate.expected,
            "reporting": rate.reporting,
            "timeliness": rate.timeliness,
        }


class MonthRateSerializer(RateSerializer):
    month = serializers.IntegerField(min_value=1, max_value=12)

    def to_representation(self, item) -> dict:
        month, rate = item
        return {"month": month, **super().to_representation(rate)}


class MonthSerializer(serializers.Serializer):
    month = serializers.IntegerField(min_value=1, max_value=12)
    period = serializers.CharField(
        allow_null=True, help_text="Tahun-bulan, mis. 2026-10; null bila periode belum dibuka."
    )
    deadline = serializers.DateField(allow_null=True)
    due = serializers.BooleanField(help_text="Batas waktunya sudah lewat: laporannya dihitung.")


class CellSerializer(serializers.Serializer):
    month = serializers.IntegerField(min_value=1, max_value=12)
    state = serializers.ChoiceField(
        choices=STATES,
        help_text="approved, submitted (menunggu verifikasi), submitted_late, returned, draft, "
        "missing (lewat batas waktu tanpa laporan), not_due, not_expected (satker belum wajib "
        "lapor), no_period.",
    )
    late = serializers.BooleanField(help_text="Pertama kali dikirim setelah batas waktu.")
    report = serializers.IntegerField(allow_null=True, help_text="Id laporan bulan ini, bila ada.")
    report_url = serializers.CharField(allow_null=True, help_text="Alamat laporan itu di API.")


class SatkerRowSerializer(serializers.Serializer):
    satker = ComplianceSatkerSerializer()
    rate = RateSerializer()
    months = CellSerializer(many=True)


class SatkerMatrixSerializer(serializers.Serializer):
    satker = ComplianceSatkerSerializer(
        help_text="Satker yang diminta (provinsi atau kabupaten/kota)."
    )
    year = serializers.IntegerField()
    as_of = serializers.DateField(help_text="Tanggal hitungan (WIB): batas waktu sebelum ini.")
    months = MonthSerializer(many=True)
    rows = SatkerRowSerializer(many=True, help_text="Satu baris per kabupaten/kota.")
    columns = MonthRateSerializer(many=True, help_text="Per bulan, atas semua baris.")
    overall = RateSerializer(help_text="Setahun, atas semua baris.")


class ProvinceRowSerializer(serializers.Serializer):
    satker = ComplianceSatkerSerializer()
    rate = RateSerializer()
    months = MonthRateSerializer(many=True, help_text="Per bulan, atas kabupaten/kotanya.")


class ProvincesMatrixSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    as_of = serializers.DateField()
    months = MonthSerializer(many=True)
    rows = ProvinceRowSerializer(many=True, help_text="Satu baris per provinsi dalam cakupan.")
    columns = MonthRateSerializer(many=True)
    overall = RateSerializer()


# Input ---------------------------------------------------------------------------------------


class YearQuery(serializers.Serializer):
    year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="Bawaan: tahun periode ini."
    )
    level = serializers.ChoiceField(
        required=False,
        choices=[Level.KABUPATEN, Level.KOTA],
        help_text="Hanya kabupaten atau hanya kota; bawaan: keduanya.",
    )


QUERY = [
    OpenApiParameter("year", int, description="Tahun, mis. 2026; bawaan: tahun periode ini."),
    OpenApiParameter(
        "level", str, enum=[Level.KABUPATEN, Level.KOTA], description="kabupaten atau kota."
    ),
]
ERRORS = {400: error("Tahun atau tingkat tidak sah (lihat errors).")}


def _query(request, calendar: Calendar) -> tuple[int, str]:
    query = YearQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    year = query.validated_data.get("year") or calendar.default_year
    return year, query.validated_data.get("level", "")


def _ref(satker: Satker) -> dict:
    return {"code": satker.code, "name": satker.name, "level": satker.level}


def _months(calendar: Calendar, year: int) -> list[dict]:
    periods = calendar.of_year(year)
    return [
        {
            "month": month,
            "period": periods[month].key if month in periods else None,
            "deadline": periods[month].deadline if month in periods else None,
            "due": month in periods and is_due(periods[month], calendar.today),
        }
        for month in range(1, 13)
    ]


def _cell(cell) -> dict:
    url = reverse("api:report-detail", args=[cell.report_id]) if cell.report_id else None
    return {
        "month": cell.month,
        "state": cell.state,
        "late": cell.late,
        "report": cell.report_id,
        "report_url": url,
    }


# Views ---------------------------------------------------------------------------------------


@extend_schema(
    tags=["kepatuhan"],
    summary="Matriks kepatuhan satu provinsi atau satu kabupaten/kota untuk setahun",
    description=(
        "Untuk kode provinsi: satu baris per kabupaten/kota di bawahnya (reviewer dan admin), "
        "sama dengan matriks di halaman Ringkasan provinsi. Untuk kode kabupaten/kota: baris "
        "satker itu saja (juga untuk staf satker itu). Kode KPU RI: pakai /compliance/provinces/."
    ),
    parameters=QUERY,
    responses={200: SatkerMatrixSerializer, **ERRORS},
)
@api_view(["GET"])
def satker_compliance(request, code: str):
    satker = access.get_compliance_satker_for_user(request.user, code)
    calendar = Calendar.load(timezone.localdate())
    year, level = _query(request, calendar)
    if satker.level == Level.PROVINSI:
        regencies = regencies_below(satker, request.user, level)
    else:
        regencies = Satker.objects.filter(pk=satker.pk)
        if level:
            regencies = regencies.filter(level=level)
    matrix = province_matrix(regencies, year=year, calendar=calendar)
    data = {
        "satker": _ref(satker),
        "year": year,
        "as_of": calendar.today,
        "months": _months(calendar, year),
        "rows": [
            {"satker": _ref(row.satker), "rate": row.rate, "months": map(_cell, row.cells)}
            for row in matrix.rows
        ],
        "columns": list(enumerate(matrix.columns, start=1)),
        "overall": matrix.overall,
    }
    return Response(SatkerMatrixSerializer(data).data)


@extend_schema(
    tags=["kepatuhan"],
    summary="Tingkat pelaporan dan ketepatan waktu per provinsi dan bulan, untuk setahun",
    description=(
        "Satu baris per provinsi dalam cakupan akun (KPU RI dan admin: semua; reviewer "
        "provinsi: provinsinya), tiap bulan dihitung atas kabupaten/kotanya; sama dengan "
        "halaman Ringkasan nasional. Staf satker: 404, seperti halamannya."
    ),
    parameters=QUERY,
    responses={
        200: ProvincesMatrixSerializer,
        **ERRORS,
        404: error("Akun ini tidak membaca halaman ringkasan (staf satker)."),
    },
)
@api_view(["GET"])
def provinces_compliance(request):
    if not access.sees_dashboards(request.user):
        raise Http404  # as the national page: for reviewers and admins
    calendar = Calendar.load(timezone.localdate())
    year, level = _query(request, calendar)
    provinces = Satker.objects.visible_to(request.user).filter(level=Level.PROVINSI)
    regencies = Satker.objects.visible_to(request.user).regencies()
    if level:
        regencies = regencies.filter(level=level)
    matrix = national_matrix(provinces, regencies, year=year, calendar=calendar)
    data = {
        "year": year,
        "as_of": calendar.today,
        "months": _months(calendar, year),
        "rows": [
            {
                "satker": _ref(row.satker),
                "rate": row.rate,
                "months": list(enumerate(row.cells, start=1)),
            }
            for row in matrix.rows
        ],
        "columns": list(enumerate(matrix.columns, start=1)),
        "overall": matrix.overall,
    }
    return Response(ProvincesMatrixSerializer(data).data)


urlpatterns = [
    path("compliance/provinces/", provinces_compliance, name="compliance-provinces"),
    path("compliance/satker/<str:code>/", satker_compliance, name="compliance-satker"),
]
