from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Belongs to one municipality (organisation).

    Later work links a user to an external identity (SAML/OIDC) in a model of its own,
    so local accounts and federated login can live side by side.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    # The person's UUID in the municipality's own systems (OS2mo), set by `manage.py sync_organisation`.
    source_uuid = models.UUIDField(_("UUID in the municipality's systems"), null=True, blank=True)
    # The day the organisation sync no longer found the person; after the municipality's period for
    # people who left, `manage.py purge` erases them. Cleared when the sync finds them again.
    left_on = models.DateField(_("left the organisation on"), null=True, blank=True)
    is_municipality_admin = models.BooleanField(
        _("municipality administrator"),
        default=False,
        help_text=_("Administers the municipality's units, roles, MED committees and settings in Samskab."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "username"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "source_uuid"], name="unique_user_source_uuid")
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username
