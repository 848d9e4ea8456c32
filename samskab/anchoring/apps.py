from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnchoringConfig(AppConfig):
    name = "samskab.anchoring"
    verbose_name = _("Anchoring")
