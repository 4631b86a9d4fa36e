from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.archive import BackupError, differences, restore_backup, table_counts


class Command(BaseCommand):
    help = (
        "Memulihkan cadangan (dari `backup`) ke basis data dan MEDIA_ROOT yang dikonfigurasi, "
        "lalu memeriksa setiap jumlah baris dan checksum berkas terhadap manifesnya."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="Folder cadangan.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Timpa basis data yang sudah berisi data.",
        )

    def handle(self, *args, source, force=False, **options):
        if not force and any(count for count in table_counts().values()):
            raise CommandError(
                "Basis data tujuan sudah berisi data; pakai --force untuk menimpanya."
            )
        try:
            manifest = restore_backup(source)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        problems = differences(manifest)
        if problems:
            raise CommandError("Pemulihan tidak sama dengan cadangan:\n" + "\n".join(problems))
        self.stdout.write(
            f"Pulih dan cocok: {len(manifest['tables'])} tabel, "
            f"{sum(manifest['tables'].values())} baris, {len(manifest['files'])} berkas."
        )
