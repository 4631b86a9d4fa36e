"""The dashboards' filters: parsed from the URL, so a view can be shared as a link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from satker.models import Level

from .activity import METRICS, Span
from .compliance import STATUS_FILTERS


class DashboardFilter(forms.Form):
    """Year, level and status of the matrix; period and order of the rankings.

    A value that does not parse is ignored (the default is used), never an error page: these
    come from links passed around in WhatsApp.
    """

    tahun = forms.TypedChoiceField(label=_("Tahun"), coerce=int, required=False)
    tingkat = forms.ChoiceField(
        label=_("Tingkat"),
        required=False,
        choices=[
            ("", _("Kabupaten dan kota")),
            (Level.KABUPATEN, _("Kabupaten")),
            (Level.KOTA, _("Kota")),
        ],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *STATUS_FILTERS.items()],
    )
    periode = forms.ChoiceField(label=_("Periode"), required=False, choices=Span.choices)
    urut = forms.ChoiceField(
        label=_("Urutkan menurut"), required=False, choices=list(METRICS.items())
    )

    def __init__(self, data, *, years: list[int], default_year: int):
        super().__init__(data)
        self.fields["tahun"].choices = [(year, str(year)) for year in years]
        self.default_year = default_year
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"
        self.is_valid()
        # The form shows what is in force, defaults included, not what the URL said.
        self.data = {
            "tahun": str(self.year),
            "tingkat": self.level,
            "status": self.state,
            "periode": self.span.key,
            "urut": self.metric,
        }

    def value(self, name: str):
        return None if name in self.errors else self.cleaned_data.get(name)

    @property
    def year(self) -> int:
        return self.value("tahun") or self.default_year

    @property
    def level(self) -> str:
        return self.value("tingkat") or ""

    @property
    def state(self) -> str:
        """The status filter (a key of STATUS_FILTERS), or '' for all."""
        return self.value("status") or ""

    @property
    def span(self) -> Span:
        return Span.parse(self.year, self.value("periode"))

    @property
    def metric(self) -> str:
        return self.value("urut") or "publikasi"

    def cache_parts(self) -> list:
        return [self.year, self.level, self.state, self.span.key, self.metric]
