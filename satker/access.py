"""Who may do what in the organisation: every role check of the portal starts here.

Role predicates answer from the user's membership (loaded with the user by
`satker.backends.MembershipBackend`, so they cost no query). Object getters load what a user
may see and answer 404 for anything else, never 403: a guessed URL must not even confirm that
another satker's page exists. Other apps build their own `access.py` on these.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from .models import Role, Satker, User


def _membership(user):
    if not (user.is_authenticated and user.is_active):
        return None
    return user.membership_or_none


def role_of(user) -> Role | None:
    membership = _membership(user)
    return Role(membership.role) if membership else None


def is_admin(user) -> bool:
    """A superuser: manages accounts in Django admin and may reopen approved reports."""
    return user.is_authenticated and user.is_active and user.is_superuser


def can_use_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


def is_reviewer(user) -> bool:
    return role_of(user) == Role.REVIEWER


def is_operator(user) -> bool:
    return role_of(user) == Role.OPERATOR


def is_operator_of(user, satker_id: int) -> bool:
    return is_operator(user) and user.membership.satker_id == satker_id


def reviews_satker(user, satker: Satker) -> bool:
    """A reviewer of the province (or of KPU RI) above `satker`; needs `satker.parent`."""
    return is_reviewer(user) and user.membership.satker_id in satker.reviewing_satker_ids


def sees_overview(user) -> bool:
    """The provincial overview is for reviewers, and for admins who belong to no satker."""
    return is_reviewer(user) or (is_admin(user) and user.membership_or_none is None)


def sees_many_satker(user) -> bool:
    """Reviewers and admins see more than their own satker (e.g. the parent's page)."""
    return is_reviewer(user) or is_admin(user)


def own_satker(user) -> Satker | None:
    """The satker the user works in, if any."""
    membership = _membership(user)
    return membership.satker if membership else None


def scope_filter(user) -> Q | None:
    """The satker `user` may see, as a filter on Satker; None means nothing at all.

    A superuser sees everything; a reviewer sees their own satker and every satker below it
    (the tree is at most RI → provinsi → kabupaten/kota, so two parent hops reach all
    descendants in one query); operators and pimpinan see their own satker only.
    """
    if is_admin(user):
        return Q()
    membership = _membership(user)
    if membership is None:
        return None
    if membership.role == Role.REVIEWER:
        satker_id = membership.satker_id
        return Q(pk=satker_id) | Q(parent_id=satker_id) | Q(parent__parent_id=satker_id)
    return Q(pk=membership.satker_id)


def get_satker_for_user(user, code: str) -> Satker:
    """The satker with `code` if `user` may see it; 404 otherwise, never 403."""
    return get_object_or_404(Satker.objects.visible_to(user).select_related("parent"), code=code)


# Who is told: the recipients of a satker's notices and reminders ------------------------------


def operators_of(satker_id: int) -> QuerySet[User]:
    """Active operators of the satker: they fill and send its reports."""
    return User.objects.filter(
        is_active=True, membership__satker_id=satker_id, membership__role=Role.OPERATOR
    ).select_related("membership__satker")


def reviewers_of(satker: Satker) -> QuerySet[User]:
    """Active reviewers of the offices above `satker` (needs `satker.parent` loaded)."""
    return User.objects.filter(
        is_active=True,
        membership__satker_id__in=satker.reviewing_satker_ids,
        membership__role=Role.REVIEWER,
    ).select_related("membership__satker")


@dataclass
class SatkerStaff:
    operators: list[User] = field(default_factory=list)
    leaders: list[User] = field(default_factory=list)


def staff_by_satker(satker_ids) -> dict[int, SatkerStaff]:
    """Active operators and pimpinan of many satker at once (one query), by satker id."""
    staff = defaultdict(SatkerStaff)
    users = User.objects.filter(
        is_active=True,
        membership__satker_id__in=list(satker_ids),
        membership__role__in=[Role.OPERATOR, Role.PIMPINAN],
    ).select_related("membership__satker")
    for user in users:
        group = staff[user.membership.satker_id]
        (group.operators if is_operator(user) else group.leaders).append(user)
    return staff


def all_reviewers() -> QuerySet[User]:
    """Every active reviewer, with the office they review from."""
    return User.objects.filter(is_active=True, membership__role=Role.REVIEWER).select_related(
        "membership__satker"
    )
