from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "samskab.audit"
    verbose_name = _("Audit trail")

    def ready(self) -> None:
        from samskab.audit import receivers  # noqa: F401  (connects the signal receivers)
