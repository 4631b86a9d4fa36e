from django import forms
from django_filters import rest_framework as filters

from restapi.filters import BooleanFilter, ChoiceFilter, IntegerFilter

from ..models import Report, ReportingPeriod, Status
from ..models.periods import PERIOD_KEY, parse_period_key


class PeriodKeyField(forms.RegexField):
    def __init__(self, *args, **kwargs):
        super().__init__(PERIOD_KEY, *args, **kwargs)


class PeriodKeyFilter(filters.CharFilter):
    """?period=2026-10"""

    field_class = PeriodKeyField

    def filter(self, queryset, value):
        if not value:
            return queryset
        year, month = parse_period_key(value)
        return queryset.filter(period__year=year, period__month=month)


class PeriodFilter(filters.FilterSet):
    year = IntegerFilter(help_text="Tahun, mis. 2026.")

    class Meta:
        model = ReportingPeriod
        fields = ["year"]


class ReportFilter(filters.FilterSet):
    satker = filters.CharFilter(field_name="satker__code", help_text="Kode satker, mis. 12.71.")
    period = PeriodKeyFilter(help_text="Periode tahun-bulan, mis. 2026-10.")
    year = IntegerFilter(field_name="period__year", help_text="Tahun periode, mis. 2026.")
    status = ChoiceFilter(choices=Status.choices)
    late = BooleanFilter(help_text="true: terkirim pertama kali lewat batas waktu.")

    class Meta:
        model = Report
        fields = ["satker", "period", "year", "status", "late"]
