"""Spreading the method: konsulenter trained to facilitate it, each unit's contact consultant, erfa-groups.

The ambassadors are the forløb's participants marked as such (processes.Participant.is_ambassador).
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskab.bank.models import BankItem
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import SubmittedOnce


class TrainedFacilitator(models.Model):
    """A konsulent of the municipality trained to facilitate samskabt styring."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="trained_facilitators")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="trainings"
    )
    trained_on = models.DateField(_("trained on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("For example the course or what they facilitate."))

    class Meta:
        verbose_name = _("trained facilitator")
        verbose_name_plural = _("trained facilitators")
        ordering = ["user__first_name", "user__last_name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="one_training_per_person")]

    def __str__(self) -> str:
        return str(self.user)


class ContactConsultant(models.Model):
    """A unit's contact consultant ("tildelt konsulent"); the units below share it unless they have their own."""

    unit = models.OneToOneField(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="contact_consultant")
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("contact consultant"), on_delete=models.CASCADE, related_name="contact_units"
    )

    class Meta:
        verbose_name = _("contact consultant")
        verbose_name_plural = _("contact consultants")
        ordering = ["unit__path"]

    def __str__(self) -> str:
        return f"{self.unit}: {self.consultant}"


class ErfaGroup(SubmittedOnce):
    """An erfa-group: people from across the municipality who meet to share experience with the method."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="erfa_groups")
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"), max_length=5000, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="erfa_groups")

    class Meta:
        verbose_name = _("erfa-group")
        verbose_name_plural = _("erfa-groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:erfa_group", args=[self.pk])


class ErfaMeeting(SubmittedOnce):
    group = models.ForeignKey(ErfaGroup, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), max_length=20000, blank=True)

    class Meta:
        verbose_name = _("erfa-group meeting")
        verbose_name_plural = _("erfa-group meetings")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.group}, {self.date:%d-%m-%Y}"

    def get_absolute_url(self) -> str:
        return reverse("network:erfa_meeting", args=[self.pk])


class AgendaItem(models.Model):
    """A point on a meeting's agenda: an item from the erfaringsbank, or free text.

    A bank item's title is copied into `text` when it is added, so the agenda still reads
    if the item later leaves the bank.
    """

    meeting = models.ForeignKey(ErfaMeeting, on_delete=models.CASCADE, related_name="agenda")
    bank_item = models.ForeignKey(
        BankItem, verbose_name=_("lesson bank item"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.CharField(_("agenda item"), max_length=500)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text
