from .attachments import ATTACHMENT_EXTENSIONS, Attachment
from .notifications import Notification
from .periods import MONTHS_ID, DayOff, ReportingPeriod
from .report import EDITABLE_STATUSES, Report, ReportEvent, Status, deadline_end
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
    "ATTACHMENT_EXTENSIONS", "DP3_CADRE_TARGET", "EDITABLE_STATUSES", "MONTHS_ID", "Activity",
    "Attachment", "Channel", "DayOff", "Dp3Activity", "Dp3Village", "Kelembagaan", "Notification",
    "Obstacles", "Ppid", "Publication", "Report", "ReportEvent", "ReportingPeriod", "Segment",
    "Status", "deadline_end",
]  # fmt: skip
