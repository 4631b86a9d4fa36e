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
