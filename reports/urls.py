from django.urls import path
from django.views.generic import RedirectView

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.my_reports, name="mine"),
    path("verifikasi/", views.review_queue, name="queue"),
    path("buat/<int:year>/<int:month>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.edit, name="edit"),
    path("<int:pk>/verifikasi/", views.review, name="review"),
    path("<int:pk>/tarik/", views.withdraw, name="withdraw"),
    path("<int:pk>/buka-kembali/", views.reopen, name="reopen"),
    path("lampiran/<int:pk>/", views.attachment, name="attachment"),
    path("lampiran/<int:pk>/hapus/", views.delete_attachment, name="delete_attachment"),
    # The recap moved to the dashboards; old links (and bookmarks) follow it there.
    path(
        "rekap/<str:code>/<int:year>/",
        RedirectView.as_view(pattern_name="dashboards:recap", permanent=True, query_string=True),
        name="recap",
    ),
]
