from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from bakohumas.urls import urlpatterns as portal


@login_not_required
def bare(request):
    """The floor: a Django view through the whole middleware stack, with no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/kosong/", bare), *portal]
