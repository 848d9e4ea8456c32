from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "samskab.rounds"
    verbose_name = _("Evaluation rounds and actions")
