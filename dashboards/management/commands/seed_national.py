import datetime
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dashboards.seeding import seed_national


class Command(BaseCommand):
    help = (
        "Mengisi basis data saat ini dengan data nasional sintetis (38 provinsi, 514 "
        "kabupaten/kota, laporan bulanan beberapa tahun) untuk benchmark. Hasilnya sama untuk "
        "--seed dan --today yang sama. Hanya untuk pengembangan (DEBUG=true) atau --paksa."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, default=5, help="tahun laporan (bawaan 5)")
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="hari yang dianggap hari ini, YYYY-MM-DD (bawaan: hari ini, WIB)",
        )
        parser.add_argument("--paksa", action="store_true", help="jalankan walau DEBUG mati")

    def handle(self, *args, years, seed, today, paksa, **options):
        if not (settings.DEBUG or paksa):
            raise CommandError("Data sintetis hanya untuk pengembangan: DEBUG=true atau --paksa.")
        start = time.monotonic()
        seeded = seed_national(years=years, seed=seed, today=today)
        self.stdout.write(
            f"{seeded.satker} satker kabupaten/kota, {seeded.periods} periode, "
            f"{seeded.reports} laporan, {seeded.rows} baris bagian laporan "
            f"dalam {time.monotonic() - start:.1f} detik."
        )
