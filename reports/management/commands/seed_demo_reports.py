import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from reports import services
from reports.models import Activity, Channel, Report, ReportingPeriod, Segment
from satker.models import User


class Command(BaseCommand):
    help = (
        "Mengisi laporan demo untuk periode terakhir: Kota Medan disetujui, Kota Binjai menunggu "
        "verifikasi, Kabupaten Nias masih draf. Butuh akun dari seed_demo; laporan yang sudah "
        "ada dibiarkan."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Laporan demo hanya untuk pengembangan (DEBUG=true).")
        period = ReportingPeriod.objects.open_on(timezone.localdate()).first()
        users = User.objects.select_related("membership__satker").in_bulk(
            ["operator.medan", "operator.binjai", "operator.nias", "reviewer.sumut"],
            field_name="username",
        )
        if period is None or len(users) < 4:
            raise CommandError("Jalankan dulu open_periods dan seed_demo.")
        if Report.objects.filter(
            period=period, satker__code__in=["12.71", "12.75", "12.04"]
        ).exists():
            self.stdout.write(f"Laporan demo {period.label} sudah ada.")
            return
        with transaction.atomic():
            medan = self._filled(users["operator.medan"], period, publications=4)
            services.submit_report(report_id=medan.pk, user=users["operator.medan"])
            services.approve_report(
                report_id=medan.pk, user=users["reviewer.sumut"], note="Lengkap, terima kasih."
            )
            binjai = self._filled(users["operator.binjai"], period, publications=2)
            services.submit_report(report_id=binjai.pk, user=users["operator.binjai"])
            nias = users["operator.nias"]
            services.start_report(satker=nias.membership.satker, period=period, user=nias)
        self.stdout.write(
            f"Laporan demo {period.label}: Kota Medan disetujui, Kota Binjai menunggu verifikasi, "
            "Kabupaten Nias draf."
        )

    def _filled(self, operator, period, *, publications):
        satker = operator.membership.satker
        report = services.start_report(satker=satker, period=period, user=operator)
        place = satker.short_name
        content = services.ReportContent(
            kelembagaan=services.KelembagaanData(
                bakohumas_formed=True,
                sk_number=f"{satker.code}/PP.08-SD/{period.year}",
                sk_date=datetime.date(period.year, 1, 15),
                wa_group_formed=True,
                wa_member_count=38,
                member_bawaslu=True,
                member_diskominfo=True,
                coordinated_with_pemda=True,
            ),
            publications=[
                services.PublicationData(
                    date=period.first_day + datetime.timedelta(days=3 * i),
                    channel=[Channel.WEBSITE, Channel.INSTAGRAM, Channel.FACEBOOK, Channel.TIKTOK][
                        i % 4
                    ],
                    title=f"Sosialisasi tahapan pemilihan di {place} ({i + 1})",
                )
                for i in range(publications)
            ],
            activities=[
                services.ActivityData(
                    date=period.first_day + datetime.timedelta(days=14),
                    kind=Activity.Kind.VOTER_EDUCATION,
                    title="Pendidikan pemilih pemula",
                    place=f"SMA Negeri 1 {place}",
                    segment=Segment.FIRST_TIME,
                    participants=120,
                )
            ],
        )
        return services.save_report(report_id=report.pk, user=operator, content=content)
