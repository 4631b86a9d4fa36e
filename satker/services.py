from django.conf import settings
from django.db import transaction

from .models import Division, Membership, Role, Satker, User


@transaction.atomic
def create_staff_account(
    *,
    username: str,
    full_name: str,
    email: str,
    satker: Satker,
    role: Role,
    password: str,
    division: Division | None = None,
    position: str = "",
) -> User:
    """Create a user with their place in the organisation, or raise ValidationError."""
    first_name, _, last_name = full_name.partition(" ")
    user = User(username=username, first_name=first_name, last_name=last_name, email=email)
    user.set_password(password)
    user.full_clean()
    user.save()
    membership = Membership(
        user=user, satker=satker, role=role, division=division, position=position
    )
    membership.full_clean(exclude=["user"])
    membership.save()
    return user


@transaction.atomic
def update_preferences(*, user: User, whatsapp: str, whatsapp_opt_out: bool, language: str) -> User:
    """A user's own notification settings; the number is normalised to +62…"""
    user.whatsapp = whatsapp
    user.whatsapp_opt_out = whatsapp_opt_out
    user.language = language
    user.full_clean(
        exclude=[f.name for f in User._meta.fields if f.name not in ("whatsapp", "language")]
    )
    user.save(update_fields=["whatsapp", "whatsapp_opt_out", "language"])
    return user


def remember_language(*, user: User, language: str) -> None:
    """The language chosen with the switch also becomes the account's, for its messages."""
    if language in dict(settings.LANGUAGES) and user.language != language:
        User.objects.filter(pk=user.pk).update(language=language)
