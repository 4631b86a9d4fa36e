"""The OpenAPI schema's shared parts: every operation documents the errors it can answer."""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse

from .errors import ErrorSerializer


def error(description: str) -> OpenApiResponse:
    return OpenApiResponse(ErrorSerializer, description=description)


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's AutoSchema, plus the error answers every operation may give."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code, description in self._error_codes():
            if code not in responses:
                responses[code] = self._get_response_for_code(error(description), code)
        return responses

    def _error_codes(self):
        paged = bool(self._get_pagination_parameters())
        has_input = (
            self.method in ("POST", "PUT", "PATCH") or paged or bool(self._get_filter_parameters())
        )
        public = not self.get_auth() or not self.view.get_permissions()
        codes = []
        if has_input or self.method in ("POST", "PUT", "PATCH", "DELETE"):
            codes.append(("400", "Isian tidak sah (lihat errors)."))
        if not public:
            codes.append(("401", "Tanpa token/sesi, atau token dicabut atau kedaluwarsa."))
        if not public:
            codes.append(("403", "Peran atau token (hanya baca) tidak berhak."))
        if "{" in self.path or paged:
            codes.append(("404", "Tidak ada, di luar cakupan akun, atau halaman tidak ada."))
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(("415", "Jenis isi permintaan tidak diterima."))
        codes.append(("429", "Terlalu banyak permintaan; lihat Retry-After."))
        return codes
