from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import SAFE_METHODS, BasePermission


class ReadOnlyTokensOnlyRead(BasePermission):
    """A request made with a read-only token may read (GET, HEAD, OPTIONS), never write.

    Authentication classes put their token on `request.auth`; a token object says whether it
    is read-only with a `read_only` attribute (sessions have no token: `request.auth` is None).
    """

    message = _("Token ini hanya untuk membaca; buat token tanpa batasan itu untuk mengubah data.")
    code = "read_only_token"

    def has_permission(self, request, view):
        return request.method in SAFE_METHODS or not getattr(request.auth, "read_only", False)
