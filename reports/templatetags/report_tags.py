from django import template

from uploads import human_size

from ..models import DP3_CADRE_TARGET, Status
from ..models.periods import month_label

register = template.Library()

register.filter("human_size", human_size)

# How each status looks: a colour and, for print and colour-blind readers, a sign.
STATUS_LOOK = {
    Status.DRAFT: ("text-bg-secondary", "✎"),
    Status.SUBMITTED: ("text-bg-info", "⋯"),
    Status.RETURNED: ("text-bg-warning", "↩"),
    Status.APPROVED: ("text-bg-success", "✓"),
}


@register.inclusion_tag("reports/_status_badge.html")
def status_badge(report):
    """The report's status as a badge (or 'not created yet'), with 'late' when it was."""
    css, sign = STATUS_LOOK[report.status] if report else ("", "")
    return {"report": report, "css": css, "sign": sign}


@register.simple_tag
def dp3_cadre_target() -> int:
    """Cadres per DP3 programme village (juknis DP3): one number, kept in the model."""
    return DP3_CADRE_TARGET


@register.simple_tag
def period_label(year, month) -> str:
    """'Oktober 2026' in the active language, from plain numbers (messages store no objects)."""
    return month_label(year, month)
