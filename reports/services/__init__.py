"""Every write of the reports app: periods and the report's workflow."""

from .periods import open_due_periods, open_period
from .workflow import (
    WorkflowError,
    add_attachment,
    approve_report,
    delete_attachment,
    missing_for_submission,
    reopen_report,
    return_report,
    save_report,
    start_report,
    submit_report,
    withdraw_report,
)

__all__ = [
    "WorkflowError",
    "add_attachment",
    "approve_report",
    "delete_attachment",
    "missing_for_submission",
    "open_due_periods",
    "open_period",
    "reopen_report",
    "return_report",
    "save_report",
    "start_report",
    "submit_report",
    "withdraw_report",
]
