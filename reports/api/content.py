"""JSON sections and rows → the services' plain data, checked by the edit page's own forms."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from restapi.forms import bind, form_errors

from .. import forms as page_forms
from ..models import Report
from ..services import (
    ActivityData,
    Dp3ActivityData,
    Dp3VillageData,
    KelembagaanData,
    ObstaclesData,
    PpidData,
    PublicationData,
    ReportContent,
)

SECTIONS = {
    "kelembagaan": (page_forms.KelembagaanForm, KelembagaanData),
    "ppid": (page_forms.PpidForm, PpidData),
    "obstacles": (page_forms.ObstaclesForm, ObstaclesData),
}
ROWS = {
    "publications": (page_forms.PublicationForm, PublicationData),
    "activities": (page_forms.ActivityForm, ActivityData),
    "dp3_villages": (page_forms.Dp3VillageForm, Dp3VillageData),
    "dp3_activities": (page_forms.Dp3ActivityForm, Dp3ActivityData),
}


def content_from(report: Report, data: dict) -> ReportContent:
    """The sections in `data` (JSON already type-checked) as a ReportContent.

    A, E and F: the fields sent, over what the report holds now. Rows: the complete list.
    Raises a DRF ValidationError keyed by field path (publications.0.url) with the page's
    messages.
    """
    errors: dict = {}
    content = {}
    for name, (form_class, data_class) in SECTIONS.items():
        if name in data:
            instance = getattr(report, name)
            form = bind(form_class, data[name], instance=instance)
            if form.is_valid():
                content[name] = data_class(**form.cleaned_data)
            errors.update(form_errors(form, name))
    for name in ROWS:
        if name in data:
            existing = {row.pk: row for row in getattr(report, name).all()}
            rows = []
            for index, values in enumerate(data[name]):
                row = row_from(
                    name,
                    values,
                    instance=existing.get(values.get("id")),
                    path=f"{name}.{index}",
                    errors=errors,
                )
                rows.append(row)
            content[name] = rows
    if errors:
        raise serializers.ValidationError(errors)
    return ReportContent(**content)


def row_from(section: str, values: dict, *, instance=None, path: str, errors: dict):
    """One row (JSON) as the section's data class, or None with its errors added."""
    form_class, data_class = ROWS[section]
    values = dict(values)
    row_id = values.pop("id", None)
    form = bind(form_class, values, instance=instance)
    if not form.is_valid():
        errors.update(form_errors(form, path))
        return None
    return data_class(id=row_id, **form.cleaned_data)


ROW_KEY = re.compile(r"^(?P<section>\w+)\.(?P<number>\d+)$")


def service_errors(error: DjangoValidationError) -> dict:
    """The service's errors (keyed "publications.2", rows counted from 1 as on the page) as
    field paths counted from 0, like the rest of the API."""
    found = {}
    for key, messages in error.message_dict.items():
        match = ROW_KEY.match(key)
        if match:
            key = f"{match['section']}.{int(match['number']) - 1}"
        found[key] = messages
    return found
