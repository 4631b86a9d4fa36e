"""Serializers that validate with a page's own Django forms: the API says what the page says.

A form field becomes a `FormValue`: it documents the field in the schema and checks only the
JSON type (a number is a number). The values are then bound to the page's form, exactly as a
browser would post them (`bind`), so every rule and every message is the form's and the
model's own, in the request's language.
"""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_choice_field
from rest_framework import serializers

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NOT_BLANK = r"\S"


def _kind(form_field: forms.Field) -> str:
    if isinstance(form_field, forms.NullBooleanField):
        return "nullable_boolean"
    if isinstance(form_field, forms.BooleanField):
        return "boolean"
    if isinstance(form_field, forms.IntegerField):
        return "integer"
    if isinstance(form_field, forms.DateField):
        return "date"
    if isinstance(form_field, forms.ChoiceField):
        return "choice"
    return "string"


class FormValue(serializers.Field):
    """One field of a page's form, as JSON. Only the JSON type is checked here."""

    type_messages = {
        "boolean": _("Isi dengan true atau false."),
        "nullable_boolean": _("Isi dengan true, false atau null (belum dijawab)."),
        "string": _("Isi dengan teks."),
        "choice": _("Isi dengan salah satu kode pilihan."),
    }

    def __init__(self, form_field: forms.Field, *, required: bool | None = None, **kwargs):
        self.form_field = form_field
        self.kind = _kind(form_field)
        needed = form_field.required and self.kind != "boolean"
        required_message = form_field.error_messages["required"]
        kwargs.setdefault("help_text", _help(form_field))
        super().__init__(
            required=needed if required is None else required,
            allow_null=not needed,
            error_messages={"required": required_message, "null": required_message},
            **kwargs,
        )

    def to_internal_value(self, data):
        valid = {
            "integer": isinstance(data, int) and not isinstance(data, bool),
            "boolean": isinstance(data, bool),
            "nullable_boolean": isinstance(data, bool),
            "date": isinstance(data, str) and bool(ISO_DATE.match(data)),
        }.get(self.kind, isinstance(data, str))
        if not valid:
            message = self.form_field.error_messages.get("invalid") or self.type_messages.get(
                self.kind, self.type_messages["string"]
            )
            raise serializers.ValidationError(message, code="invalid")
        return data

    def to_representation(self, value):
        return value

    def schema(self) -> dict:
        field = self.form_field
        schema = {
            "integer": {"type": "integer"},
            "boolean": {"type": "boolean"},
            "nullable_boolean": {"type": "boolean"},
            "date": {"type": "string", "format": "date"},
            "choice": {"type": "string"},
            "string": {"type": "string"},
        }[self.kind]
        if self.kind == "integer":
            if field.min_value is not None:
                schema["minimum"] = field.min_value
            if field.max_value is not None:
                schema["maximum"] = field.max_value
        if self.kind == "choice":
            # As drf-spectacular documents a model's choices, so both share one enum component.
            choices = [(value, label) for value, label in field.choices if value != ""]
            return build_choice_field(serializers.ChoiceField(choices=choices))
        if self.kind == "string":
            if field.max_length:
                schema["maxLength"] = field.max_length
            if field.required:
                schema["pattern"] = NOT_BLANK
        if self.allow_null:
            schema["nullable"] = True
        if self.help_text:
            schema["description"] = str(self.help_text)
        return schema


def _help(form_field: forms.Field) -> str:
    label = str(form_field.label or "")
    if isinstance(form_field, forms.ChoiceField):
        options = "; ".join(f"{value} = {text}" for value, text in form_field.choices if value)
        label = f"{label} ({options})"
    if form_field.help_text:
        label = f"{label}. {form_field.help_text}"
    return label


class FormValueExtension(OpenApiSerializerFieldExtension):
    target_class = FormValue

    def map_serializer_field(self, auto_schema, direction):
        return self.target.schema()


def form_serializer(form_class, name: str, *, partial: bool = False, extra=None):
    """A serializer class with one `FormValue` per field of `form_class` (all optional when
    `partial`; else optional where the model has a default, which an omitted value takes, as
    the page's form starts from it), plus the serializer fields in `extra`."""
    model = form_class._meta.model
    attrs = {
        field_name: FormValue(
            form_field,
            required=False if partial or model._meta.get_field(field_name).has_default() else None,
        )
        for field_name, form_field in form_class().fields.items()
    }
    attrs.update(extra or {})
    attrs["Meta"] = type("Meta", (), {"ref_name": name})
    return type(name, (serializers.Serializer,), attrs)


def form_data(form_class, values: dict) -> dict:
    """JSON values as the browser would post them to `form_class` (no prefix)."""
    data = {}
    for name, form_field in form_class().fields.items():
        value = values.get(name)
        if isinstance(form_field, forms.NullBooleanField):
            data[name] = {True: "true", False: "false"}.get(value, "")
        elif isinstance(form_field, forms.BooleanField):
            if value:
                data[name] = "on"
        elif value is None:
            data[name] = ""
        elif isinstance(value, datetime.date):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def current_values(form_class, instance) -> dict:
    """What `instance` holds now, for the fields of `form_class`."""
    return {name: getattr(instance, name) for name in form_class().fields}


def bind(form_class, values: dict, *, instance=None) -> forms.Form:
    """The page's form bound to `values` (JSON), validated. A value left out keeps what
    `instance` holds, or the model's default for a new row (as the page's form shows it)."""
    start = instance if instance is not None else form_class._meta.model()
    merged = {**current_values(form_class, start), **values}
    form = form_class(form_data(form_class, merged), instance=instance)
    form.is_valid()
    return form


def form_errors(form: forms.Form, path: str) -> dict:
    """A bound form's errors, keyed by `path.field` (`path` for the form's own rules)."""
    found = {}
    for field_name, errors in form.errors.as_data().items():
        key = path if field_name == "__all__" else f"{path}.{field_name}"
        found[key] = [
            serializers.ErrorDetail(message, code=error.code or "invalid")
            for error in errors
            for message in error.messages
        ]
    return found
