"""The portal's settings plus one bare view (the benchmark's floor); used only by bench/.

BENCH_SESSIONS=cache tries sessions read from the cache (cached_db) instead of a query on
every request: an experiment to size that gain, not how the portal is configured.
"""

import os

from bakohumas.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
if os.environ.get("BENCH_SESSIONS") == "cache":
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
