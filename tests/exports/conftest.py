from ..dashboards.conftest import (  # noqa: F401
    periods_2026,
    province_uji,
    reviewer_uji,
    today,
    year_of_reports,
)
from ..reports.conftest import draft_medan, october, submitted_medan  # noqa: F401
