from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "samskab.ideas"
    verbose_name = _("Where the method could be used next")

    def ready(self) -> None:
        from samskab.ideas import receivers  # noqa: F401  (connects to the referat and the forløb decisions)
