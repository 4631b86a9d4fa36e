from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class ApiRateThrottle(SimpleRateThrottle):
    """Requests per API token, per signed-in user (session), or per address without either.

    The rates come from `settings.API_THROTTLE_RATES` ({"token", "user", "anon"}), read per
    request so that they follow the settings (and tests can change them).
    """

    cache_format = "api-throttle:%(scope)s:%(ident)s"

    def __init__(self):
        pass  # the rate depends on who is asking: chosen in get_cache_key

    def allow_request(self, request, view):
        self.key = self.get_cache_key(request, view)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if getattr(request.auth, "pk", None) is not None:
            self.scope, ident = "token", request.auth.pk
        elif request.user and request.user.is_authenticated:
            self.scope, ident = "user", request.user.pk
        else:
            self.scope, ident = "anon", self.get_ident(request)
        self.rate = settings.API_THROTTLE_RATES[self.scope]
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return self.cache_format % {"scope": self.scope, "ident": ident}
