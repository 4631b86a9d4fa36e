from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from backups.archive import BackupError, make_backup


class Command(BaseCommand):
    help = (
        "Mencadangkan basis data dan berkas unggahan ke satu folder, dengan manifes jumlah "
        "baris setiap tabel dan checksum setiap berkas."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            type=Path,
            help="Folder cadangan (baru). Bawaan: VAR_DIR/backups/<tanggal-jam>.",
        )

    def handle(self, *args, dir=None, **options):
        target = dir or Path(settings.VAR_DIR) / "backups" / timezone.localtime().strftime(
            "%Y%m%d-%H%M%S"
        )
        try:
            manifest = make_backup(target)
        except (BackupError, FileExistsError) as error:
            raise CommandError(str(error)) from error
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Cadangan di {target}: {len(manifest['tables'])} tabel, {rows} baris, "
            f"{len(manifest['files'])} berkas."
        )
