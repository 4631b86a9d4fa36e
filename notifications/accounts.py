"""Account messages: the password-reset e-mail, sent through the outbox like any other."""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .models import Message


class OutboxPasswordResetForm(PasswordResetForm):
    """Password reset whose accounts are looked up, and e-mails sent, by the worker.

    The request only writes the address down: it answers in the same time whether or not an
    account has that address, so the form cannot be used to find out who has an account.
    No link is stored either: the worker makes the one-time token when it sends the e-mail.
    """

    def save(self, *args, **kwargs):
        from . import services

        services.request_password_reset(email=self.cleaned_data["email"])


def password_reset_context(message: Message) -> dict | None:
    user = message.recipient
    if not (user.is_active and user.has_usable_password()):
        return None  # deactivated since it was asked for: no link
    return {
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "username": user.get_username(),
    }
