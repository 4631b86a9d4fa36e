from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from bakohumas.urls import urlpatterns as portal


@login_not_required
def bare(request):
    """The floor: a Django view through the whole middleware stack, with no query."""
    return HttpResponse("ok", content_type="text/plain")


def signed_in(request):
    """The ceiling of any portal page: a signed-in user, the menu and footer, nothing else."""
    return render(request, "base.html")


urlpatterns = [path("bench/kosong/", bare), path("bench/masuk/", signed_in), *portal]
