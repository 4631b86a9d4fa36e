"""What a session records when it starts, so that each later request reads it for free."""

import time

from .access import has_two_factor, two_factor_required

TWO_FACTOR_STATE = "dua_langkah"


def two_factor_state(user) -> str:
    """'verify' (has an authenticator), 'setup' (must get one first) or 'optional'."""
    if has_two_factor(user):
        return "verify"
    if two_factor_required(user):
        return "setup"
    return "optional"


def start_session(sender, request, user, **kwargs):
    """On every sign-in (the login page, admin's, a test's force_login): the clock of the
    session's idle and absolute limits, and whether a second step is still to come. The
    session is saved by the sign-in anyway, so this costs no extra write."""
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session["signed_in_at"] = now
    request.session["last_seen"] = now
    request.session[TWO_FACTOR_STATE] = two_factor_state(user)
