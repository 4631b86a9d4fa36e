"""How the dashboards show a month, a rate and a number, in the active language."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.html import format_html

from ..compliance import CELL_SIGNS, CELL_WORDS, CellState, month_short_name

register = template.Library()

# Colour of each state (a CSS class); its sign and words come from `compliance`.
CELL_CSS = {
    CellState.APPROVED: "s-ok",
    CellState.SUBMITTED: "s-wait",
    CellState.SUBMITTED_LATE: "s-late",
    CellState.RETURNED: "s-back",
    CellState.DRAFT: "s-draft",
    CellState.MISSING: "s-miss",
    CellState.NOT_DUE: "s-open",
    CellState.NOT_EXPECTED: "s-na",
    CellState.NO_PERIOD: "s-none",
}


@register.simple_tag
def legend():
    """The matrix's legend, as (css, sign, words) in the order of the workflow."""
    return [
        (CELL_CSS[state], CELL_SIGNS[state], CELL_WORDS[state])
        for state in CELL_CSS
        if state != CellState.NO_PERIOD
    ]


@register.simple_tag
def matrix_cell(cell):
    """One month of one satker: colour, sign, and words for screen readers (kept short:
    a province's matrix has 400 of these and the page must stay light)."""
    inner = format_html("{}<i> {}</i>", cell.sign, cell.short_words)
    if cell.report_id:
        url = reverse("reports:detail", kwargs={"pk": cell.report_id})
        inner = format_html('<a href="{}">{}</a>', url, inner)
    return format_html('<td class="{}">{}</td>', CELL_CSS[cell.state], inner)


@register.filter
def percent(value, digits=0):
    """'93,9%' in Indonesian; '—' when nothing was expected."""
    if value is None:
        return "—"
    return f"{floatformat(value, digits)}%"


@register.filter
def number(value):
    """'1.234' in Indonesian."""
    return intcomma(value if value is not None else 0)


register.filter("month_short", month_short_name)


@register.filter
def month_name(month: int) -> str:
    return MONTHS[month]


@register.filter
def rate_band(rate) -> str:
    """A colour band for a province's rate; the numbers are always printed beside it."""
    value = rate.reporting
    if value is None:
        return "b-none"
    if value >= 90:
        return "b-high"
    if value >= 60:
        return "b-mid"
    return "b-low"
