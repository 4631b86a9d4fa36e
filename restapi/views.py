"""View helpers: API views answer for themselves (401 in JSON), never with the login page."""

from django.contrib.auth.decorators import login_not_required
from drf_spectacular.utils import extend_schema
from rest_framework import decorators, exceptions
from rest_framework.permissions import AllowAny


def api_view(methods):
    """DRF's `api_view`, exempt from LoginRequiredMiddleware: the API authenticates tokens
    and sessions itself and answers 401, where a page would redirect to the sign-in form."""

    def decorate(function):
        return login_not_required(decorators.api_view(methods)(function))

    return decorate


class ApiViewMixin:
    """The same for class-based views."""

    @classmethod
    def as_view(cls, **initkwargs):
        return login_not_required(super().as_view(**initkwargs))


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@decorators.permission_classes([AllowAny])
def not_found(request, *args, **kwargs):
    """Any address under /api/ that names nothing: 404 in the API's format, not a page."""
    raise exceptions.NotFound()
