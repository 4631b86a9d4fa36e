from django.utils.translation import gettext_lazy as _
from rest_framework import pagination, serializers


class PageNumberPagination(pagination.PageNumberPagination):
    """?page=2&page_size=100: `count`, `next`, `previous` and `results`."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = _("Halaman {page_number} tidak ada.")

    def get_page_size(self, request):
        """As DRF, but a page_size that is not a whole number is refused, not ignored."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and not (raw.isdigit() and int(raw) > 0):
            raise serializers.ValidationError(
                {self.page_size_query_param: [_("Isi dengan bilangan bulat positif.")]}
            )
        return super().get_page_size(request)
