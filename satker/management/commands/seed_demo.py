import secrets

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from satker.models import Role, Satker, User
from satker.services import create_staff_account

# (username, full name, satker code, role, position)
DEMO_STAFF = [
    ("reviewer.sumut", "Rina Siregar", "12", Role.REVIEWER, "Subbag Teknis dan Hupmas"),
    ("operator.medan", "Dedi Lubis", "12.71", Role.OPERATOR, "Kasubag Teknis dan Hupmas"),
    ("pimpinan.medan", "Hendra Nasution", "12.71", Role.PIMPINAN, "Ketua"),
    ("operator.binjai", "Sari Ginting", "12.75", Role.OPERATOR, "Staf Teknis dan Hupmas"),
    ("operator.nias", "Yusuf Zebua", "12.04", Role.OPERATOR, "Kasubag Teknis dan Hupmas"),
]


# Made-up numbers: with WHATSAPP_BACKEND=console the worker's log shows what they would get.
DEMO_WHATSAPP = {"operator.medan": "+6281200001271", "operator.nias": "+6281200001204"}


class Command(BaseCommand):
    help = (
        "Membuat akun demo (satu per peran, untuk beberapa satker) dan mencetak kata sandinya "
        "sekali. Akun yang sudah ada dibiarkan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Buat kata sandi baru untuk akun demo yang sudah ada dan cetak lagi.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Izinkan juga saat DEBUG mati (bukan produksi!)."
        )

    def handle(self, *args, reset_passwords=False, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Akun demo hanya untuk pengembangan (DEBUG=true); pakai --force.")
        satkers = Satker.objects.in_bulk([row[2] for row in DEMO_STAFF], field_name="code")
        existing = User.objects.in_bulk(
            [row[0] for row in DEMO_STAFF] + ["admin"], field_name="username"
        )
        printed = []
        for username, full_name, code, role, position in [
            *DEMO_STAFF,
            ("admin", "Admin", "", None, ""),
        ]:
            password = secrets.token_urlsafe(9)
            if username in existing and not reset_passwords:
                continue
            if username in existing:
                existing[username].set_password(password)
                existing[username].save(update_fields=["password"])
            elif role is None:
                User.objects.create_superuser(username, f"{username}@example.org", password)
            else:
                user = create_staff_account(
                    username=username,
                    full_name=full_name,
                    email=f"{username}@example.org",
                    satker=satkers[code],
                    role=role,
                    position=position,
                    password=password,
                )
                if username in DEMO_WHATSAPP:
                    user.whatsapp = DEMO_WHATSAPP[username]
                    user.save(update_fields=["whatsapp"])
            label = f"{role.label}, {satkers[code].short_name}" if role else "Admin (Django admin)"
            printed.append((username, password, label))
        if printed:
            self.stdout.write(
                self.style.SUCCESS("Akun demo (kata sandi hanya ditampilkan sekali):")
            )
            for username, password, label in printed:
                self.stdout.write(f"  {username:<18} {password:<16} {label}")
        else:
            self.stdout.write(
                "Akun demo sudah ada; kata sandinya tidak ditampilkan lagi. "
                "Jalankan `manage.py seed_demo --reset-passwords` untuk membuat ulang."
            )
