from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BankConfig(AppConfig):
    name = "samskab.bank"
    verbose_name = _("Lesson bank")

    def ready(self) -> None:
        from samskab.bank import receivers  # noqa: F401  (connects to the referat's approval)
