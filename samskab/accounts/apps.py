from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samskab.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from samskab.accounts import second_factor  # noqa: F401  (connects the sign-in receiver)
