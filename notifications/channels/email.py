"""E-mail through Django's configured e-mail backend (EMAIL_URL)."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from . import PermanentError, TransientError


class EmailBackend:
    configured = True

    def send(self, message, rendered) -> str:
        address = message.recipient.email
        if not address:
            raise PermanentError("Penerima tidak mempunyai alamat e-mail.")
        email = EmailMultiAlternatives(
            subject=rendered.subject,
            body=rendered.text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[address],
        )
        email.attach_alternative(rendered.html, "text/html")
        try:
            email.send()
        except smtplib.SMTPRecipientsRefused as error:
            codes = [code for code, _text in error.recipients.values()]
            if all(400 <= code < 500 for code in codes):
                raise TransientError(f"Penerima ditolak sementara: {error.recipients}") from error
            raise PermanentError(f"Alamat ditolak server e-mail: {error.recipients}") from error
        except smtplib.SMTPResponseException as error:
            if 400 <= error.smtp_code < 500:
                raise TransientError(f"SMTP {error.smtp_code}: {error.smtp_error!r}") from error
            raise PermanentError(f"SMTP {error.smtp_code}: {error.smtp_error!r}") from error
        except (TimeoutError, smtplib.SMTPException, OSError) as error:
            # Server down, connection refused or dropped, timeout: the mail server's problem.
            raise TransientError(f"{type(error).__name__}: {error}") from error
        return ""
