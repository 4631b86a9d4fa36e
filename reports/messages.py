"""The messages the reports app sends, registered with the outbox (notifications.kinds)."""

from notifications.kinds import Kind, register
from notifications.models import Channel

# A workflow step told to the other side: templates/messages/report_event/.
REPORT_EVENT = "report_event"
# An in-portal notice from before the outbox, kept with the words it was sent with.
REPORT_NOTICE = "report_notice"
# What messages are about: opening that page reads them.
REPORT_TARGET = "report"  # a report (id): its page
MY_REPORTS = "my_reports"  # a satker's reports (satker id): Laporan saya
REVIEW_QUEUE = "review_queue"  # the reports waiting for a reviewer (their office's id)


def register_kinds() -> None:
    register(
        Kind(REPORT_EVENT, channels=frozenset({Channel.PORTAL, Channel.EMAIL, Channel.WHATSAPP}))
    )
    register(Kind(REPORT_NOTICE, channels=frozenset({Channel.PORTAL})))
