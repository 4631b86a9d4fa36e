from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class MembershipBackend(ModelBackend):
    """Loads the user with their membership and satker in the same query.

    Every page asks for the user's scope and role; fetching them here keeps that to the one
    query Django already makes for `request.user`.
    """

    def get_user(self, user_id):
        user = (
            get_user_model()
            ._default_manager.select_related("membership__satker", "membership__division")
            .filter(pk=user_id)
            .first()
        )
        return user if user and self.user_can_authenticate(user) else None
