"""Query filters that refuse what their schema refuses (django-filter ignores it)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


class PresentMeansGiven:
    """A query parameter sent empty (?status=) is refused, not taken as "no filter": it is
    not a value of the parameter's type, and a program that sends it has a bug to know of."""

    def clean(self, value):
        if value == "":
            raise forms.ValidationError(_("Isi parameter ini, atau jangan kirim sama sekali."))
        return super().clean(value)


class StrictBooleanField(PresentMeansGiven, forms.NullBooleanField):
    def to_python(self, value):
        if value in (None, True, False):
            return value
        if str(value).lower() not in ("true", "false"):
            raise forms.ValidationError(_("Isi dengan true atau false."), code="invalid")
        return str(value).lower() == "true"


class StrictChoiceField(PresentMeansGiven, forms.ChoiceField):
    pass


class StrictIntegerField(PresentMeansGiven, forms.IntegerField):
    pass


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(filters.NumberFilter):
    field_class = StrictIntegerField


class BooleanFilter(filters.BooleanFilter):
    field_class = StrictBooleanField

    def __init__(self, *args, **kwargs):
        # django-filter's widget turns anything but true/false/1/0 into "no filter".
        kwargs.setdefault("widget", forms.TextInput)
        super().__init__(*args, **kwargs)


class ChoiceFilter(filters.ChoiceFilter):
    field_class = StrictChoiceField
