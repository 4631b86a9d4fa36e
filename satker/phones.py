"""WhatsApp numbers, written the one way the portal stores and sends them: +62…"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# People type 0812-3456-7890, 62 812 3456 7890, +62 (812) 3456-7890 or 812…
SEPARATORS = re.compile(r"[\s\-().]")
INDONESIA = "62"


def normalize_whatsapp(raw: str) -> str:
    """'0812-3456-7890' → '+6281234567890'; '' stays ''. Raises ValidationError if unusable."""
    number = SEPARATORS.sub("", raw or "")
    if not number:
        return ""
    if number.startswith("+"):
        number = number[1:]
    elif number.startswith("00"):
        number = number[2:]
    elif number.startswith("0"):
        number = INDONESIA + number[1:]
    elif number.startswith("8"):
        number = INDONESIA + number
    if not number.isdigit() or not number.startswith(INDONESIA) or not 10 <= len(number) <= 15:
        raise ValidationError(
            _(
                "Nomor WhatsApp tidak dikenali: «%(raw)s». Tulis nomor Indonesia, misalnya "
                "0812-3456-7890 atau +62 812 3456 7890."
            ),
            code="invalid_whatsapp",
            params={"raw": raw},
        )
    return "+" + number


def whatsapp_digits(number: str) -> str:
    """'+6281234567890' → '6281234567890', as gateways take it."""
    return number.removeprefix("+")
