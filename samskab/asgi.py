"""ASGI entry point: `uvicorn samskab.asgi:application` (make run, production)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samskab.settings")

application = get_asgi_application()

from django.conf import settings  # noqa: E402  (settings are ready only after the app is built)

if settings.SERVE_STATIC:
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

    application = ASGIStaticFilesHandler(application)
