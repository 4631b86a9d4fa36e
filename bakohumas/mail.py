"""E-mail rendered from three templates (subject, text, HTML) and sent by the worker."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string


def render_email(*, template: str, context: dict) -> dict:
    """Render `emails/<template>_subject.txt`, `_body.txt` and `_body.html`."""
    subject = render_to_string(f"emails/{template}_subject.txt", context)
    return {
        # A header must be one line, however the template was wrapped.
        "subject": settings.EMAIL_SUBJECT_PREFIX + " ".join(subject.split()),
        "body": render_to_string(f"emails/{template}_body.txt", context),
        "html_body": render_to_string(f"emails/{template}_body.html", context),
    }


def queue_email(*, template: str, context: dict, to: list[str]) -> None:
    """Queue an e-mail for the worker once the current transaction commits.

    Sending inside the request would make a slow mail server the user's problem, and
    sending before commit could announce a change that was then rolled back.
    """
    from bakohumas.tasks import send_email

    message = render_email(template=template, context=context)
    transaction.on_commit(lambda: send_email.delay(to=to, **message))
