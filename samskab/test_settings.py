"""Settings for the test suite: the real settings of a development demo, with a fast password hasher.

The suite is development (the built-in key) and a demo (Demo Kommune's accounts), said as
`make run` says it; servers and commands the tests start in subprocesses inherit both.
"""

import os

os.environ.setdefault("SAMSKAB_DEV", "1")
os.environ.setdefault("SAMSKAB_DEMO", "1")

from samskab.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
