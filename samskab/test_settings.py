"""Settings for the test suite: the real settings of a development demo, with a fast password hasher.

The suite is development (the built-in key) and a demo (Demo Kommune's accounts), said as
`make run` says it; servers and commands the tests start in subprocesses inherit both.

`make test` runs the suite in several pytest-xdist workers (gw0, gw1, …) at once. pytest-django
gives each its own test database; here each also gets a Redis of its own when REDIS_URL is
set: the database in REDIS_URL plus the worker's number (the tests empty the cache before each
test), and a live-hub prefix of its own (Redis's publish/subscribe channels are shared by all
its databases).
"""

import os
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SAMSKAB_DEV", "1")
os.environ.setdefault("SAMSKAB_DEMO", "1")

from samskab.settings import *  # noqa: E402, F403
from samskab.settings import CACHES, LIVE_REDIS_PREFIX, REDIS_URL  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def worker_redis_url(url: str, worker: str) -> str:
    """redis://host:6379/2 for worker gw3 is redis://host:6379/5; outside xdist (worker "") the URL itself."""
    if not worker:
        return url
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{database}"))


WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and WORKER:
    REDIS_URL = worker_redis_url(REDIS_URL, WORKER)
    CACHES = {**CACHES, "default": {**CACHES["default"], "LOCATION": REDIS_URL}}
    LIVE_REDIS_PREFIX = f"{LIVE_REDIS_PREFIX}{WORKER}:"
