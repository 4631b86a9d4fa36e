import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notifications.channels import whatsapp_enabled
from notifications.services import channels_for
from reminders.services import current_rules, reminder_channels, sweep
from workdays.calendar import is_working_day


class Command(BaseCommand):
    help = (
        "Menjalankan sapuan pengingat di proses ini, seperti yang dilakukan beat pukul 08.00, "
        "dan mencetak satu baris per pengingat: penerima, satker, jenis, saluran."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            type=datetime.date.fromisoformat,
            help="Tanggal sapuan (YYYY-MM-DD); bawaan: hari ini (WIB).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Hanya tampilkan yang akan dikirim; tidak menulis apa pun.",
        )

    def handle(self, *args, date=None, dry_run=False, **options):
        day = date or timezone.localdate()
        if not is_working_day(day):
            self.stdout.write(f"{day:%d-%m-%Y} bukan hari kerja: tidak ada pengingat.")
            return
        try:
            sent = sweep(day=day, dry_run=dry_run)
        except Exception as error:  # shown to the admin, with the reason
            raise CommandError(f"Sapuan gagal: {error}") from error
        wanted = reminder_channels(current_rules())
        whatsapp = whatsapp_enabled()
        for planned in sent:
            channels = channels_for(planned.recipient, wanted, whatsapp=whatsapp)
            self.stdout.write(
                f"{planned.recipient.get_username():<20} {planned.satker.code:<6} "
                f"{planned.satker.short_name:<28} {planned.kind.label:<34} {', '.join(channels)}"
            )
        verb = "akan dikirim" if dry_run else "dikirim"
        self.stdout.write(f"{len(sent)} pengingat {verb} untuk {day:%d-%m-%Y}.")
