from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.message_list, name="list"),
    path("baca-semua/", views.mark_all_read, name="mark_all_read"),
    path("webhook/fonnte/", views.fonnte_webhook, name="fonnte_webhook"),
    path("webhook/whatsapp-cloud/", views.cloud_api_webhook, name="cloud_api_webhook"),
]
