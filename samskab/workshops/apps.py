from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "samskab.workshops"
    verbose_name = _("Evaluation workshops")

    def ready(self) -> None:
        from samskab.workshops import access  # noqa: F401  (tells the action plan which aftaler a reader sees, and who changes them)
        from samskab.workshops import services  # noqa: F401  (shows a changed aftale on the workshop's screens)
