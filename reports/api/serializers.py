"""What the reports API answers with (output) and takes (input), as JSON.

Output keeps codes (status, channel, segment…), never labels: the schema describes each
code. Times are ISO 8601 in WIB (+07:00), dates are YYYY-MM-DD, counts are numbers.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from restapi.forms import form_serializer

from .. import forms as page_forms
from ..models import (
    Activity,
    Attachment,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Publication,
    Report,
    ReportEvent,
    ReportingPeriod,
)
from ..models.periods import PERIOD_KEY

# Output --------------------------------------------------------------------------------------


class PeriodSerializer(serializers.ModelSerializer):
    key = serializers.SerializerMethodField(help_text="Tahun-bulan, mis. 2026-10.")
    deadline = serializers.DateField(help_text="Batas waktu: tepat waktu bila terkirim hari itu.")

    class Meta:
        model = ReportingPeriod
        fields = ["key", "year", "month", "deadline"]

    def get_key(self, period) -> str:
        return period.key


class SatkerRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class ReportSerializer(serializers.ModelSerializer):
    """A report in a list: who, which month, where it stands."""

    satker = SatkerRefSerializer()
    period = PeriodSerializer()
    url = serializers.SerializerMethodField(help_text="Alamat laporan ini di API.")

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "satker",
            "period",
            "status",
            "late",
            "first_submitted_at",
            "submitted_at",
            "created_at",
            "updated_at",
        ]

    def get_url(self, report) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:report-detail", kwargs={"pk": report.pk})
        )


class KelembagaanSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kelembagaan
        fields = page_forms.KelembagaanForm._meta.fields


class PpidSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ppid
        fields = page_forms.PpidForm._meta.fields


class ObstaclesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Obstacles
        fields = page_forms.ObstaclesForm._meta.fields


class PublicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Publication
        fields = ["id", *page_forms.PublicationForm._meta.fields]


class ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Activity
        fields = ["id", *page_forms.ActivityForm._meta.fields]


class Dp3VillageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Dp3Village
        fields = ["id", *page_forms.Dp3VillageForm._meta.fields]


class Dp3ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Dp3Activity
        fields = ["id", *page_forms.Dp3ActivityForm._meta.fields]


class AttachmentSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="original_name")
    uploaded_by = serializers.CharField(source="uploaded_by.username")
    download_url = serializers.SerializerMethodField(
        help_text="Unduh berkasnya (dengan token atau sesi yang sama)."
    )

    class Meta:
        model = Attachment
        fields = [
            "id",
            "name",
            "content_type",
            "size",
            "description",
            "uploaded_by",
            "uploaded_at",
            "download_url",
        ]

    def get_download_url(self, attachment) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("api:attachment-file", kwargs={"pk": attachment.pk})
        )


class ReportDetailSerializer(ReportSerializer):
    """A report with every section and its rows, its evidence, and its version (the ETag)."""

    version = serializers.CharField(help_text="Versi laporan; sama dengan header ETag.")
    kelembagaan = KelembagaanSerializer(help_text="A. Kelembagaan")
    publications = PublicationSerializer(many=True, help_text="B. Publikasi")
    activities = ActivitySerializer(many=True, help_text="C. Kegiatan")
    dp3_villages = Dp3VillageSerializer(many=True, help_text="D. Desa DP3 (lokus)")
    dp3_activities = Dp3ActivitySerializer(many=True, help_text="D. Kegiatan DP3")
    ppid = PpidSerializer(help_text="E. PPID")
    obstacles = ObstaclesSerializer(help_text="F. Kendala dan tindak lanjut")
    attachments = AttachmentSerializer(many=True, help_text="Lampiran")
    page_url = serializers.SerializerMethodField(help_text="Halaman laporan di portal.")

    class Meta(ReportSerializer.Meta):
        fields = [
            *ReportSerializer.Meta.fields,
            "version",
            "page_url",
            "kelembagaan",
            "publications",
            "activities",
            "dp3_villages",
            "dp3_activities",
            "ppid",
            "obstacles",
            "attachments",
        ]

    def get_page_url(self, report) -> str:
        return self.context["request"].build_absolute_uri(report.get_absolute_url())


class ActorSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.CharField(source="get_full_name")


class EventSerializer(serializers.ModelSerializer):
    at = serializers.DateTimeField(source="created_at")
    actor = ActorSerializer()

    class Meta:
        model = ReportEvent
        fields = ["at", "action", "actor", "from_status", "to_status", "note"]


# Input ---------------------------------------------------------------------------------------


class StartReportSerializer(serializers.Serializer):
    period = serializers.RegexField(
        PERIOD_KEY,
        help_text="Periode: tahun-bulan, mis. 2026-10.",
        error_messages={"invalid": _("Tulis periode sebagai tahun-bulan, mis. 2026-10.")},
    )
    satker = serializers.CharField(
        required=False, help_text="Kode satker; bawaan: satker akun (operator)."
    )


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Catatan untuk operator."
    )


class ReturnNoteSerializer(serializers.Serializer):
    note = serializers.CharField(
        allow_blank=True, help_text="Wajib: apa yang harus diperbaiki operator."
    )


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="PDF, JPEG, PNG, WebP, DOCX atau XLSX.")
    description = serializers.CharField(
        max_length=200, required=False, allow_blank=True, allow_null=True, default=""
    )


def _row_input(form_class, name):
    row_id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="Baris yang sudah ada (diubah); tanpa id: baris baru.",
    )
    return form_serializer(form_class, name, extra={"id": row_id})


KelembagaanInput = form_serializer(page_forms.KelembagaanForm, "KelembagaanInput", partial=True)
PpidInput = form_serializer(page_forms.PpidForm, "PpidInput", partial=True)
ObstaclesInput = form_serializer(page_forms.ObstaclesForm, "ObstaclesInput", partial=True)
PublicationInput = form_serializer(page_forms.PublicationForm, "PublicationInput")
ActivityInput = form_serializer(page_forms.ActivityForm, "ActivityInput")
Dp3VillageInput = form_serializer(page_forms.Dp3VillageForm, "Dp3VillageInput")
Dp3ActivityInput = form_serializer(page_forms.Dp3ActivityForm, "Dp3ActivityInput")


class ReportContentInput(serializers.Serializer):
    """Sections to change. A section left out stays as it is. In A, E and F only the fields
    sent change; a list of rows (B, C, D) is the section's complete list: rows with an `id`
    are kept (and updated), rows without one are added, rows left out are removed."""

    kelembagaan = KelembagaanInput(required=False, help_text="A. Kelembagaan")
    publications = _row_input(page_forms.PublicationForm, "PublicationRowInput")(
        many=True, required=False, help_text="B. Publikasi: daftar lengkap"
    )
    activities = _row_input(page_forms.ActivityForm, "ActivityRowInput")(
        many=True, required=False, help_text="C. Kegiatan: daftar lengkap"
    )
    dp3_villages = _row_input(page_forms.Dp3VillageForm, "Dp3VillageRowInput")(
        many=True, required=False, help_text="D. Desa DP3: daftar lengkap"
    )
    dp3_activities = _row_input(page_forms.Dp3ActivityForm, "Dp3ActivityRowInput")(
        many=True, required=False, help_text="D. Kegiatan DP3: daftar lengkap"
    )
    ppid = PpidInput(required=False, help_text="E. PPID")
    obstacles = ObstaclesInput(required=False, help_text="F. Kendala dan tindak lanjut")
