"""The exports of the dashboards: compliance matrix, rankings, recap, and section rows.

Each reads exactly what its page shows (`dashboards.compliance`, `dashboards.activity`), in
the scope of the user who asked, checked through `dashboards.access`; importing this package
registers them (`exports.apps`).
"""

from . import activity, matrix, rows  # noqa: F401
