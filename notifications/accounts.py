"""Account messages: the password-reset e-mail, sent through the outbox like any other."""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Channel, Message


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset whose e-mail goes through the outbox: written now, sent by the worker.

    No link is stored: the worker makes the one-time token when it sends the e-mail, so the
    outbox never holds a usable reset link.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        from . import kinds, services

        services.notify(
            recipients=[context["user"]], kind=kinds.PASSWORD_RESET, channels={Channel.EMAIL}
        )


def password_reset_context(message: Message) -> dict | None:
    user = message.recipient
    if not (user.is_active and user.has_usable_password()):
        return None  # deactivated since it was asked for: no link
    return {
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "username": user.get_username(),
    }
