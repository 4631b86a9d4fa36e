"""Every write of the reports app: periods, the report's content, its workflow, evidence.

Each step is one function taking keyword-only data (never a form or a request) and raising
`WorkflowError` with a message for the user when the step is not allowed now.
"""

from .attachments import add_attachment, delete_attachment
from .content import (
    ActivityData,
    Dp3ActivityData,
    Dp3VillageData,
    KelembagaanData,
    ObstaclesData,
    PpidData,
    PublicationData,
    ReportContent,
    add_row,
    remove_row,
    save_report,
)
from .periods import open_due_periods, open_period
from .workflow import (
    StaleReport,
    WorkflowError,
    approve_report,
    get_or_start_report,
    missing_for_submission,
    reopen_report,
    return_report,
    start_report,
    submit_report,
    withdraw_report,
)

__all__ = [
    "ActivityData",
    "Dp3ActivityData",
    "Dp3VillageData",
    "KelembagaanData",
    "ObstaclesData",
    "PpidData",
    "PublicationData",
    "ReportContent",
    "StaleReport",
    "WorkflowError",
    "add_attachment",
    "add_row",
    "approve_report",
    "delete_attachment",
    "get_or_start_report",
    "missing_for_submission",
    "open_due_periods",
    "open_period",
    "remove_row",
    "reopen_report",
    "return_report",
    "save_report",
    "start_report",
    "submit_report",
    "withdraw_report",
]
