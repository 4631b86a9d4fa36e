"""The portal's settings plus one bare view (the benchmark's floor); used only by bench/."""

from bakohumas.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
