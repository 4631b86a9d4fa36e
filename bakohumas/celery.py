import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bakohumas.settings")

app = Celery("bakohumas")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()  # <app>/tasks.py of every installed app
app.autodiscover_tasks(["bakohumas"])  # project-wide jobs: e-mail, housekeeping
