from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.reminder_page, name="page"),
]
