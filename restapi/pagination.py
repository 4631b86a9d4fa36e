from django.utils.translation import gettext_lazy as _
from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """?page=2&page_size=100: `count`, `next`, `previous` and `results`."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500
    invalid_page_message = _("Halaman {page_number} tidak ada.")
