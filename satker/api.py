"""The organisation over the REST API: who is calling (`me`), the satker tree, divisions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import generics, serializers
from rest_framework.response import Response

from restapi.filters import ChoiceFilter
from restapi.views import ApiViewMixin, api_view

from . import access
from .authentication import TokenAuthentication
from .models import ApiToken, Division, Level, Role, Satker


class TokenAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "tokenAPI"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _("Token API dari halaman Akun saya (atau dari admin): Authorization: Bearer bkh_…")
            ),
        }


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


@extend_schema(
    tags=["akun"],
    summary="Siapa yang memanggil: akun, peran, satker, token",
    responses=inline_serializer(
        "Me",
        {
            "username": serializers.CharField(),
            "name": serializers.CharField(),
            "role": serializers.ChoiceField(choices=Role.choices, allow_null=True),
            "satker": serializers.CharField(allow_null=True, help_text="Kode satker akun."),
            "token": inline_serializer(
                "MeToken",
                {
                    "name": serializers.CharField(),
                    "read_only": serializers.BooleanField(),
                    "expires_at": serializers.DateTimeField(),
                },
                allow_null=True,
            ),
        },
    ),
)
@api_view(["GET"])
def me(request):
    user = request.user
    own = access.own_satker(user)
    token = request.auth if isinstance(request.auth, ApiToken) else None
    return Response(
        {
            "username": user.get_username(),
            "name": user.get_full_name(),
            "role": access.role_of(user),
            "satker": own.code if own else None,
            "token": {
                "name": token.name,
                "read_only": token.read_only,
                "expires_at": serializers.DateTimeField().to_representation(token.expires_at),
            }
            if token
            else None,
        }
    )


urlpatterns = [
    path("me/", me, name="me"),
    path("satker/", SatkerList.as_view(), name="satker-list"),
    path("satker/<str:code>/", SatkerDetail.as_view(), name="satker-detail"),
]
