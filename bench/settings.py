"""The real settings, with the benchmark's floor page added to the URLs (see bench/urls.py)."""

from samskab.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
