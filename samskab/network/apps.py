from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "samskab.network"
    verbose_name = _("Ambassadors, consultants and experience groups")
