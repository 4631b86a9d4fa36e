"""The report's forms: one per section, a formset per table of rows.

Forms parse and validate what the browser sent (the model's own rules, through ModelForm
validation) and turn it into the services' plain data; they never write.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from uploads import ACCEPT, allowed_kinds_help, check_upload

from .models import (
    Activity,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Publication,
    Report,
)
from .services import (
    ActivityData,
    Dp3ActivityData,
    Dp3VillageData,
    KelembagaanData,
    ObstaclesData,
    PpidData,
    PublicationData,
    ReportContent,
)


class YesNoRadio(forms.RadioSelect):
    """Ya / Tidak for a yes-or-no question that may still be unanswered in a draft."""

    def __init__(self, attrs=None):
        super().__init__(
            {"class": "pilihan-ya-tidak", **(attrs or {})},
            choices=[("true", _("Ya")), ("false", _("Tidak"))],
        )

    def format_value(self, value):
        return {True: ["true"], False: ["false"], "true": ["true"], "false": ["false"]}.get(
            value, []
        )


class SectionForm(forms.ModelForm):
    """Dates as the phone's date picker, counts as numeric keypads, yes/no as two radios."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            model_field = self._meta.model._meta.get_field(name)
            if isinstance(field, forms.DateField):
                field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
            elif isinstance(field, forms.IntegerField):
                field.widget.attrs.update({"min": 0, "inputmode": "numeric"})
            elif isinstance(model_field, models.BooleanField) and model_field.null:
                self.fields[name] = forms.NullBooleanField(
                    label=field.label, required=False, widget=YesNoRadio
                )
            elif isinstance(field.widget, forms.CheckboxInput):
                field.template_name = "includes/checkbox_field.html"
            elif isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3


class KelembagaanForm(SectionForm):
    class Meta:
        model = Kelembagaan
        fields = [*Kelembagaan.CARRIED_OVER, "coordinated_with_pemda", "coordination_notes"]


class PublicationForm(SectionForm):
    url = forms.URLField(
        label=_("Tautan"),
        max_length=500,
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )

    class Meta:
        model = Publication
        fields = ["date", "channel", "title", "url", "reach"]


class ActivityForm(SectionForm):
    class Meta:
        model = Activity
        fields = ["date", "kind", "title", "place", "segment", "participants", "partner"]


class Dp3VillageForm(SectionForm):
    class Meta:
        model = Dp3Village
        fields = ["name", "district", "kind", "agreement_date", *Dp3Village.CADRE_FIELDS]


class Dp3ActivityForm(SectionForm):
    class Meta:
        model = Dp3Activity
        fields = ["date", "village", "title", "participants"]


class PpidForm(SectionForm):
    """That the counts add up is the model's constraint (ppid_requests_add_up), shown once."""

    class Meta:
        model = Ppid
        fields = [
            "requests_received",
            "requests_fulfilled",
            "requests_rejected",
            "requests_in_process",
            "objections",
            "dip_updated",
            "ppid_page_updated",
        ]


class ObstaclesForm(SectionForm):
    class Meta:
        model = Obstacles
        fields = ["staff", "budget", "facilities", "other", "follow_up", "no_activity_reason"]


def _rows(model, form):
    return forms.inlineformset_factory(
        Report, model, form=form, extra=0, can_delete=True, max_num=200, validate_max=True
    )


ROW_FORMSETS = {
    "publikasi": _rows(Publication, PublicationForm),
    "kegiatan": _rows(Activity, ActivityForm),
    "desa": _rows(Dp3Village, Dp3VillageForm),
    "dp3": _rows(Dp3Activity, Dp3ActivityForm),
}


class ReportForms:
    """All of a report's section forms and formsets, bound together."""

    def __init__(self, report: Report, data=None):
        self.kelembagaan = KelembagaanForm(data, instance=report.kelembagaan, prefix="a")
        self.ppid = PpidForm(data, instance=report.ppid, prefix="e")
        self.obstacles = ObstaclesForm(data, instance=report.obstacles, prefix="f")
        self.rows = {
            prefix: formset(data, instance=report, prefix=prefix)
            for prefix, formset in ROW_FORMSETS.items()
        }

    @property
    def all(self):
        return [self.kelembagaan, self.ppid, self.obstacles, *self.rows.values()]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.all])  # every form, to show every error

    def section_states(self, *, missing, attachments, attachment_form) -> list[SectionState]:
        """For the A–F bar: each section with errors (⚠ and how many), done (✓) or empty.

        Reads what is already loaded (the row forms, the report's sections): no query.
        """
        missing_in = {item.section for item in missing}
        rows = self.rows
        obstacles = self.obstacles.instance
        has_text = any(getattr(obstacles, name) for name in ObstaclesForm.Meta.fields)
        parts = [
            ("a", "A", _("Kelembagaan"), [self.kelembagaan], "a" not in missing_in),
            ("b", "B", _("Publikasi"), [rows["publikasi"]], bool(rows["publikasi"].initial_forms)),
            ("c", "C", _("Kegiatan"), [rows["kegiatan"]], bool(rows["kegiatan"].initial_forms)),
            (
                "d",
                "D",
                _("DP3"),
                [rows["desa"], rows["dp3"]],
                bool(rows["desa"].initial_forms or rows["dp3"].initial_forms),
            ),
            ("e", "E", _("PPID"), [self.ppid], True),
            ("f", "F", _("Kendala"), [self.obstacles], has_text),
            ("lampiran", "", _("Lampiran"), [attachment_form], bool(attachments)),
        ]
        return [
            SectionState(anchor, letter, str(label), _error_count(forms), done)
            for anchor, letter, label, forms, done in parts
        ]

    def content(self) -> ReportContent:
        """The valid input as the data `services.save_report` takes."""
        return ReportContent(
            kelembagaan=KelembagaanData(**self.kelembagaan.cleaned_data),
            ppid=PpidData(**self.ppid.cleaned_data),
            obstacles=ObstaclesData(**self.obstacles.cleaned_data),
            publications=_row_data(self.rows["publikasi"], PublicationData),
            activities=_row_data(self.rows["kegiatan"], ActivityData),
            dp3_villages=_row_data(self.rows["desa"], Dp3VillageData),
            dp3_activities=_row_data(self.rows["dp3"], Dp3ActivityData),
        )


@dataclass(frozen=True)
class SectionState:
    anchor: str
    letter: str
    label: str
    errors: int
    done: bool

    @property
    def state(self) -> str:
        if self.errors:
            return "error"
        return "done" if self.done else "empty"


def _error_count(forms_and_formsets) -> int:
    count = 0
    for form in forms_and_formsets:
        if not form.is_bound:
            continue
        if isinstance(form, forms.BaseFormSet):
            count += len(form.non_form_errors()) + sum(
                len(f.errors) for f in form.forms if f.is_bound and f.errors
            )
        else:
            count += len(form.errors)
    return count


def _row_data(formset, data_class) -> list:
    """Rows kept after the save: saved ones (by id) and new ones typed, minus those deleted."""
    names = [field.name for field in fields(data_class) if field.name != "id"]
    rows = []
    for form in formset.forms:
        if form in formset.deleted_forms:
            continue
        if form.instance.pk is None and not form.has_changed():
            continue  # an added row left empty
        rows.append(
            data_class(id=form.instance.pk, **{name: form.cleaned_data[name] for name in names})
        )
    return rows


class AttachmentForm(forms.Form):
    """One lampiran. When valid, cleaned_data["content_type"] holds the detected MIME type."""

    file = forms.FileField(
        label=_("Berkas lampiran"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT}),
    )
    description = forms.CharField(label=_("Keterangan"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = allowed_kinds_help()
        # Said by photo-resize.js when it shrinks a phone photo before upload.
        self.fields["file"].widget.attrs["data-resized-text"] = gettext(
            "Foto diperkecil sebelum dikirim: {from} menjadi {to}."
        )

    def clean_file(self):
        uploaded_file = self.cleaned_data["file"]
        self.cleaned_data["content_type"] = check_upload(uploaded_file)
        return uploaded_file


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Catatan untuk operator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wajib bila laporan dikembalikan: tuliskan apa yang harus diperbaiki."),
    )


class ReopenForm(forms.Form):
    note = forms.CharField(
        label=_("Alasan membuka kembali"), widget=forms.Textarea(attrs={"rows": 3})
    )
