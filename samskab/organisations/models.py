from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Organisation(models.Model):
    """A municipality (kommune). Nothing is ever shared between two of them."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), unique=True)
    data_controller = models.CharField(
        _("data controller"), max_length=200, help_text=_("Usually the municipality itself.")
    )
    controller_address = models.CharField(_("address of the data controller"), max_length=300, blank=True)
    dpo_name = models.CharField(_("data protection officer (DPO)"), max_length=200, blank=True)
    dpo_email = models.EmailField(_("DPO email"), blank=True)
    privacy_note = models.TextField(
        _("additional privacy information"), blank=True, help_text=_("Shown on the privacy page.")
    )
    accessibility_statement_url = models.URLField(
        _("address of the accessibility statement"),
        blank=True,
        help_text=_("Usually published through the Agency for Digital Government's WAS-Tool."),
    )
    silent_after_days = models.PositiveSmallIntegerField(
        _("days before a solution counts as without follow-up"),
        default=settings.SILENT_AFTER_DAYS_DEFAULT,
    )
    # A path under the static files rather than an upload: a municipality's logo changes rarely,
    # is deployed with the site, and the Word file needs a PNG or JPEG it can read from disk.
    logo = models.CharField(
        _("logo"),
        max_length=200,
        blank=True,
        help_text=_("A PNG or JPEG file under the static files, for example logos/demo-kommune.png. Shown on the minutes."),
    )

    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", _("A CVR number has 8 digits."))],
        help_text=_("The municipality's CVR number: sign-in through KOMBIT's Context Handler names the municipality by it."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["cvr"], condition=~Q(cvr=""), name="unique_cvr")]

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    MUNICIPALITY = "kommune", _("municipality")
    ADMINISTRATION = "forvaltning", _("administration")
    AREA = "omraade", _("area")
    WORKPLACE = "arbejdsplads", _("workplace")


class Unit(models.Model):
    """A unit in the municipality's tree (forvaltning → område → arbejdsplads, any depth).

    `path` is a materialised path ("1/4/9/") so that "this unit and everything below it"
    is one indexed prefix query.
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="units"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("parent unit"), on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices, default=UnitKind.WORKPLACE)
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    # The unit's UUID in the municipality's own systems (OS2mo, the Context Handler's constraints).
    source_uuid = models.UUIDField(_("UUID in the municipality's systems"), null=True, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("A unit that no longer exists is made inactive, never deleted.")
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "source_uuid"], name="unique_unit_source_uuid")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.parent.organisation_id != self.organisation_id:
            raise ValidationError({"parent": _("The parent unit must belong to the same municipality.")})
        if self.pk and self.parent.path.startswith(self.path):
            raise ValidationError({"parent": _("A unit cannot be placed below itself.")})

    @transaction.atomic
    def save(self, *args, **kwargs) -> None:
        # Paths are read from the database, not from this instance or its parent: either may
        # have been loaded before a move, and a stale path would cut the subtree loose.
        stored = Unit.objects.filter(pk=self.pk).values_list("path", flat=True).first() if self.pk else None
        old_path = stored or ""
        parent_path = Unit.objects.values_list("path", flat=True).get(pk=self.parent_id) if self.parent_id else ""
        if old_path and parent_path.startswith(old_path):
            raise ValueError("A unit cannot be placed below itself.")
        super().save(*args, **kwargs)
        new_path = f"{parent_path}{self.pk}/"
        if self.path != new_path:
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
        if old_path and old_path != new_path:
            # Moved: rewrite the paths of everything below in one statement.
            Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
            )

    def ancestors_and_self(self) -> models.QuerySet["Unit"]:
        ids = [int(part) for part in self.path.split("/") if part]
        return Unit.objects.filter(pk__in=ids).order_by("path")

    def descendants_and_self(self) -> models.QuerySet["Unit"]:
        return Unit.objects.filter(path__startswith=self.path)

    def is_within(self, path: str) -> bool:
        """True when this unit is the unit with `path` or lies below it."""
        return self.path.startswith(path)


def tree_label(name: str, path: str, top: int = 1) -> str:
    """A unit's name indented by its depth below `top` (one for the municipality), for lists shown as a tree."""
    return "\u2003" * (path.count("/") - top) + name


class Role(models.TextChoices):
    """Roles a person holds in a unit, and in a forløb."""

    CONSULTANT = "konsulent", _("consultant / facilitator")
    LEADER = "leder", _("leader")
    EMPLOYEE = "medarbejder", _("employee")
    TR = "tr", _("union representative (TR)")
    AMR = "amr", _("health and safety representative (AMR)")


EDITING_ROLES = (Role.CONSULTANT, Role.LEADER)


class Membership(models.Model):
    """A role a person holds in a unit. It reaches down the tree."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    # Made by `manage.py sync_organisation`: the next sync may remove it; others it leaves alone.
    from_source = models.BooleanField(_("from the municipality's systems"), default=False, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"

    def clean(self) -> None:
        if self.user_id and self.unit_id and self.user.organisation_id != self.unit.organisation_id:
            raise ValidationError(_("The person and the unit must belong to the same municipality."))


class MedCommittee(models.Model):
    """A MED-udvalg: the joint leader–employee committee of a unit (hovedudvalg at the root)."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="med_committees")
    name = models.CharField(_("name"), max_length=200)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="med_committees"
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("MED committee")
        verbose_name_plural = _("MED committees")
        ordering = ["unit__path", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_main_committee(self) -> bool:
        return self.unit.parent_id is None
