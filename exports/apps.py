from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = _("Ekspor")

    def ready(self):
        # The kinds this app knows; later apps register theirs the same way, from their own
        # AppConfig.ready(), without touching this app.
        from . import kinds  # noqa: F401
