"""The REST API's token authentication; made and checked in `accounts.tokens`.

Kept apart from the `api` modules: DRF imports authentication classes while it builds its views,
so this module must not import them.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from .tokens import user_for_secret


class TokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer bkh_…`: the token's user, with exactly their scope.

    `request.auth` is the token (its `read_only` is honoured by
    `restapi.permissions.ReadOnlyTokensOnlyRead`, its `pk` keys the throttle).
    """

    keyword = "Bearer"

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None  # not ours: the session may still authenticate
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Header Authorization harus berbentuk «Bearer <token>».")
            )
        found = user_for_secret(parts[1].decode(errors="replace"))
        if found is None:
            raise exceptions.AuthenticationFailed(
                _("Token API tidak dikenal, sudah dicabut, atau sudah kedaluwarsa.")
            )
        return found

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'
