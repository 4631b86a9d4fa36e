from django.urls import path

from . import views

app_name = "satker"
urlpatterns = [
    path("", views.satker_list, name="list"),
    path("<str:code>/", views.satker_detail, name="detail"),
]
