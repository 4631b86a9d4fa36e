from .attachments import Attachment
from .periods import ReportingPeriod
from .report import (
    EDITABLE_STATUSES,
    SENDS_BACK,
    Action,
    Report,
    ReportEvent,
    Status,
    deadline_end,
)
from .sections import (
    DP3_CADRE_TARGET,
    Activity,
    Channel,
    Dp3Activity,
    Dp3Village,
    Kelembagaan,
    Obstacles,
    Ppid,
    Publication,
    Segment,
)

__all__ = [
    "DP3_CADRE_TARGET", "EDITABLE_STATUSES", "SENDS_BACK", "Action", "Activity", "Attachment",
    "Channel", "Dp3Activity", "Dp3Village", "Kelembagaan", "Obstacles", "Ppid",
    "Publication", "Report", "ReportEvent", "ReportingPeriod", "Segment", "Status",
    "deadline_end",
]  # fmt: skip
