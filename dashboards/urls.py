from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("", views.landing, name="landing"),
    path("nasional/", views.national, name="national"),
    path("provinsi/<str:code>/", views.province, name="province"),
    path("satker/<str:code>/", views.satker_page, name="satker"),
    path("peringkat/<str:code>/", views.rankings, name="rankings"),
    path("rekap/<str:code>/<int:year>/", views.recap, name="recap"),
]
