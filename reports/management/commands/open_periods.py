import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.deadlines import month_before
from reports.services import open_period


class Command(BaseCommand):
    help = (
        "Membuka periode pelaporan bulan-bulan yang sudah berakhir (yang belum dibuka). "
        "Beat melakukannya tiap hari; perintah ini untuk instalasi baru."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=3, help="Berapa bulan terakhir yang dibuka (bawaan 3)."
        )

    def handle(self, *args, months, **options):
        day = timezone.localdate()
        for _ in range(months):
            year, month = month_before(day)
            period = open_period(year=year, month=month)
            self.stdout.write(f"Periode {period.label}: batas waktu {period.deadline:%d-%m-%Y}")
            day = datetime.date(year, month, 1)
