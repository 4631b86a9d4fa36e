"""The organisation over the REST API: the satker tree and divisions."""

from django.urls import path
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from restapi.filters import ChoiceFilter
from restapi.views import ApiViewMixin

from . import access
from .models import Division, Level, Satker

# Serializers ---------------------------------------------------------------------------------


class DivisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Division
        fields = ["id", "name", "kind", "head_name", "order"]


class SatkerSerializer(serializers.ModelSerializer):
    parent = serializers.CharField(
        source="parent.code", allow_null=True, read_only=True, help_text="Kode satker induk."
    )

    class Meta:
        model = Satker
        fields = ["code", "name", "level", "parent", "address", "email", "whatsapp"]


class SatkerDetailSerializer(SatkerSerializer):
    divisions = DivisionSerializer(many=True, read_only=True)

    class Meta(SatkerSerializer.Meta):
        fields = [*SatkerSerializer.Meta.fields, "divisions"]


class SatkerFilter(filters.FilterSet):
    parent = filters.CharFilter(field_name="parent__code", help_text="Kode satker induk, mis. 12.")
    level = ChoiceFilter(choices=Level.choices)

    class Meta:
        model = Satker
        fields = ["parent", "level"]


# Views ---------------------------------------------------------------------------------------


@extend_schema(tags=["satker"], summary="Satker dalam cakupan akun")
class SatkerList(ApiViewMixin, generics.ListAPIView):
    serializer_class = SatkerSerializer
    filterset_class = SatkerFilter

    def get_queryset(self):
        return Satker.objects.visible_to(self.request.user).select_related("parent")


@extend_schema(tags=["satker"], summary="Satu satker beserta divisinya")
class SatkerDetail(ApiViewMixin, generics.RetrieveAPIView):
    serializer_class = SatkerDetailSerializer

    def get_object(self):
        return access.get_satker_for_user(self.request.user, self.kwargs["code"])


urlpatterns = [
    path("satker/", SatkerList.as_view(), name="satker-list"),
    path("satker/<str:code>/", SatkerDetail.as_view(), name="satker-detail"),
]
