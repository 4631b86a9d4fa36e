"""The role predicates of `satker.access`, for templates: `{% if user|is_reviewer %}`."""

from django import template

from satker import access

register = template.Library()

PREDICATES = [
    "is_reviewer",
    "is_operator",
    "is_admin",
    "can_use_admin",
    "sees_overview",
    "sees_many_satker",
]
for name in PREDICATES:
    register.filter(name, getattr(access, name))
