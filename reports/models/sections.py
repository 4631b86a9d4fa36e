"""The report's sections A–F, each typed so the dashboards can aggregate them."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .report import Report

DP3_CADRE_TARGET = 25  # cadres per programme village (juknis DP3)


class Kelembagaan(models.Model):
    """A. Kelembagaan Bakohumas: the coordination body and its members.

    A draft may leave the yes/no questions unanswered (blank); answering them is required
    only to send the report (`services.missing_for_submission`).
    """

    report = models.OneToOneField(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="kelembagaan"
    )
    bakohumas_formed = models.BooleanField(_("Bakohumas sudah dibentuk?"), null=True, blank=True)
    sk_number = models.CharField(_("nomor SK pembentukan"), max_length=100, blank=True)
    sk_date = models.DateField(_("tanggal SK"), null=True, blank=True)
    wa_group_formed = models.BooleanField(
        _("grup WhatsApp Bakohumas sudah dibentuk?"), null=True, blank=True
    )
    wa_member_count = models.PositiveIntegerField(
        _("jumlah anggota grup WhatsApp"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(1024)],
    )
    member_diskominfo = models.BooleanField(_("Diskominfo Pemkab/Pemko"), default=False)
    member_bawaslu = models.BooleanField(_("Bawaslu"), default=False)
    member_polres = models.BooleanField(_("Polres"), default=False)
    member_kodim = models.BooleanField(_("Kodim"), default=False)
    member_kemenag = models.BooleanField(_("Kemenag"), default=False)
    member_media = models.BooleanField(_("Media massa"), default=False)
    member_university = models.BooleanField(_("Perguruan tinggi"), default=False)
    member_others = models.CharField(_("anggota lainnya"), max_length=300, blank=True)
    coordinated_with_pemda = models.BooleanField(
        _("Berkoordinasi dengan Pemkab/Pemko bulan ini?"), null=True, blank=True
    )
    coordination_notes = models.TextField(_("uraian koordinasi"), blank=True)

    MEMBER_FIELDS = [
        "member_diskominfo", "member_bawaslu", "member_polres", "member_kodim",
        "member_kemenag", "member_media", "member_university",
    ]  # fmt: skip
    # Copied from the previous month's report so only changes are typed.
    CARRIED_OVER = [
        "bakohumas_formed", "sk_number", "sk_date", "wa_group_formed", "wa_member_count",
        *MEMBER_FIELDS, "member_others",
    ]  # fmt: skip

    class Meta:
        verbose_name = _("A. Kelembagaan")
        verbose_name_plural = _("A. Kelembagaan")

    def __str__(self) -> str:
        return str(self.report)

    @property
    def member_labels(self) -> list[str]:
        return [
            self._meta.get_field(name).verbose_name
            for name in self.MEMBER_FIELDS
            if getattr(self, name)
        ]


class Channel(models.TextChoices):
    WEBSITE = "website", _("Website")
    INSTAGRAM = "instagram", _("Instagram")
    FACEBOOK = "facebook", _("Facebook")
    X = "x", _("X (Twitter)")
    YOUTUBE = "youtube", _("YouTube")
    TIKTOK = "tiktok", _("TikTok")
    WHATSAPP = "whatsapp", _("Saluran WhatsApp")
    MASS_MEDIA = "media", _("Media massa")


class Publication(models.Model):
    """B. Publikasi: one item published on a channel."""

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="publications"
    )
    date = models.DateField(_("tanggal"))
    channel = models.CharField(_("kanal"), max_length=12, choices=Channel.choices)
    title = models.CharField(_("judul"), max_length=250)
    url = models.URLField(_("tautan"), max_length=500, blank=True)
    reach = models.PositiveIntegerField(_("jangkauan"), null=True, blank=True)

    class Meta:
        verbose_name = _("B. Publikasi")
        verbose_name_plural = _("B. Publikasi")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title


class Segment(models.TextChoices):
    FIRST_TIME = "pemula", _("Pemilih pemula")
    WOMEN = "perempuan", _("Perempuan")
    DISABILITY = "disabilitas", _("Penyandang disabilitas")
    RELIGIOUS = "keagamaan", _("Kelompok keagamaan")
    INDIGENOUS = "adat", _("Masyarakat adat")
    MARGINAL = "marginal", _("Kelompok marginal")
    GENERAL = "umum", _("Masyarakat umum")


class Activity(models.Model):
    """C. Kegiatan: a coordination meeting, socialisation or voter-education event."""

    class Kind(models.TextChoices):
        COORDINATION = "rakor", _("Rapat koordinasi Bakohumas")
        SOCIALISATION = "sosialisasi", _("Sosialisasi")
        VOTER_EDUCATION = "sppb", _("Sosialisasi Pendidikan Pemilih Berkelanjutan")
        OTHER = "lainnya", _("Lainnya")

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="activities"
    )
    date = models.DateField(_("tanggal"))
    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("nama kegiatan"), max_length=250)
    place = models.CharField(_("tempat"), max_length=200)
    segment = models.CharField(_("segmen sasaran"), max_length=12, choices=Segment.choices)
    participants = models.PositiveIntegerField(_("jumlah peserta"))
    partner = models.CharField(_("mitra"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("C. Kegiatan")
        verbose_name_plural = _("C. Kegiatan")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title


class Dp3Village(models.Model):
    """D. A programme village of Desa Peduli Pemilu dan Pemilihan, as of this report."""

    class Kind(models.TextChoices):
        DESA = "desa", _("Desa")
        KELURAHAN = "kelurahan", _("Kelurahan")

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="dp3_villages"
    )
    name = models.CharField(_("desa/kelurahan"), max_length=150)
    district = models.CharField(_("kecamatan"), max_length=150)
    kind = models.CharField(_("kategori"), max_length=10, choices=Kind.choices, default=Kind.DESA)
    agreement_date = models.DateField(
        _("tanggal kesepakatan dengan kepala desa"), null=True, blank=True
    )
    cadres_first_time = models.PositiveSmallIntegerField(_("kader pemilih pemula"), default=0)
    cadres_women = models.PositiveSmallIntegerField(_("kader perempuan"), default=0)
    cadres_disability = models.PositiveSmallIntegerField(_("kader disabilitas"), default=0)
    cadres_religious = models.PositiveSmallIntegerField(_("kader tokoh agama"), default=0)
    cadres_indigenous = models.PositiveSmallIntegerField(_("kader masyarakat adat"), default=0)
    cadres_general = models.PositiveSmallIntegerField(_("kader masyarakat umum"), default=0)

    CADRE_FIELDS = [
        "cadres_first_time", "cadres_women", "cadres_disability",
        "cadres_religious", "cadres_indigenous", "cadres_general",
    ]  # fmt: skip

    class Meta:
        verbose_name = _("D. Desa DP3")
        verbose_name_plural = _("D. Desa DP3")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def cadres_total(self) -> int:
        return sum(getattr(self, field) for field in self.CADRE_FIELDS)

    @property
    def cadres_short(self) -> int:
        return max(DP3_CADRE_TARGET - self.cadres_total, 0)


class Dp3Activity(models.Model):
    """D. A DP3 activity this month."""

    report = models.ForeignKey(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="dp3_activities"
    )
    date = models.DateField(_("tanggal"))
    village = models.CharField(_("desa/kelurahan"), max_length=150)
    title = models.CharField(_("kegiatan"), max_length=250)
    participants = models.PositiveIntegerField(_("jumlah peserta"))

    class Meta:
        verbose_name = _("D. Kegiatan DP3")
        verbose_name_plural = _("D. Kegiatan DP3")
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return self.title


class Ppid(models.Model):
    """E. PPID: the public-information service this month."""

    report = models.OneToOneField(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="ppid"
    )
    requests_received = models.PositiveIntegerField(_("permohonan informasi diterima"), default=0)
    requests_fulfilled = models.PositiveIntegerField(_("dipenuhi"), default=0)
    requests_rejected = models.PositiveIntegerField(_("ditolak"), default=0)
    requests_in_process = models.PositiveIntegerField(_("masih diproses"), default=0)
    objections = models.PositiveIntegerField(_("keberatan"), default=0)
    dip_updated = models.BooleanField(_("Daftar Informasi Publik (DIP) diperbarui?"), default=False)
    ppid_page_updated = models.BooleanField(_("Halaman PPID diperbarui?"), default=False)

    class Meta:
        verbose_name = _("E. PPID")
        verbose_name_plural = _("E. PPID")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    requests_received=models.F("requests_fulfilled")
                    + models.F("requests_rejected")
                    + models.F("requests_in_process")
                ),
                name="ppid_requests_add_up",
                violation_error_message=_(
                    "Dipenuhi + ditolak + masih diproses harus sama dengan permohonan diterima."
                ),
            ),
        ]

    def __str__(self) -> str:
        return str(self.report)


class Obstacles(models.Model):
    """F. Kendala dan tindak lanjut."""

    report = models.OneToOneField(
        Report, verbose_name=_("laporan"), on_delete=models.CASCADE, related_name="obstacles"
    )
    staff = models.TextField(_("kendala SDM"), blank=True)
    budget = models.TextField(_("kendala anggaran"), blank=True)
    facilities = models.TextField(_("kendala sarana dan prasarana"), blank=True)
    other = models.TextField(_("kendala lainnya"), blank=True)
    follow_up = models.TextField(_("rencana tindak lanjut"), blank=True)
    no_activity_reason = models.TextField(
        _("penjelasan bila bulan ini tidak ada publikasi maupun kegiatan"), blank=True
    )

    class Meta:
        verbose_name = _("F. Kendala dan tindak lanjut")
        verbose_name_plural = _("F. Kendala dan tindak lanjut")

    def __str__(self) -> str:
        return str(self.report)
