"""How long a municipality keeps personal data in Samskab."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskab.organisations.models import Organisation


class RetentionPeriods(models.Model):
    """A municipality's retention periods. Until its administrator saves them, the defaults hold."""

    organisation = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="retention_periods")
    workshop_raw_months = models.PositiveSmallIntegerField(
        _("cards, votes, ratings and workshop participants (months)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("Counted from the approval of the workshop's minutes. The approved minutes keep what they say."),
    )
    process_years = models.PositiveSmallIntegerField(
        _("finished processes and their rounds (years)"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text=_("Counted from the process's end date: the process with everything in it is deleted."),
    )
    history_months = models.PositiveSmallIntegerField(
        _("history of changes (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Earlier versions of a record: who changed what and when."),
    )
    reminder_months = models.PositiveSmallIntegerField(
        _("sent reminders (months)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("The note that a reminder was emailed, kept so that it is not sent twice."),
    )
    leaver_months = models.PositiveSmallIntegerField(
        _("people who left (months)"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Counted from the day the organisation sync no longer found the person: their name and contact "
            "details are then erased everywhere, unless they still own open actions."
        ),
    )

    class Meta:
        verbose_name = _("retention periods")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return str(self.organisation)


def retention_for(organisation: Organisation) -> RetentionPeriods:
    """The municipality's periods: saved ones, or the defaults (unsaved)."""
    found = RetentionPeriods.objects.filter(organisation=organisation).first()
    return found or RetentionPeriods(organisation=organisation)


class Erasure(models.Model):
    """That a person was erased, by whom and when; the frozen documents whose content changed, with
    each one's checksum before and after. It holds no name: `person` is the pseudonym left behind."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    rows_changed = models.PositiveIntegerField(default=0)
    versions = models.JSONField(default=list)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-at"]
