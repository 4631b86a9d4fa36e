"""The account over the REST API: who is calling (`me`); how tokens appear in the schema."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response

from restapi.views import api_view
from satker import access
from satker.models import Role

from .authentication import TokenAuthentication
from .models import ApiToken


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


# Views ---------------------------------------------------------------------------------------


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
]
