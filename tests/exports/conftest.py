from ..dashboards.conftest import (  # noqa: F401
    periods_2026,
    province_uji,
    reviewer_uji,
    today,
    year_of_reports,
)
