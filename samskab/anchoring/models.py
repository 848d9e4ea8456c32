"""Forankring: how a forløb keeps the new way of working alive once the process ends (step 6, point 5)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskab.processes.models import Participant, Process, SubmittedOnce


class AnchoringStatus(models.TextChoices):
    NOT_STARTED = "ikke_startet", _("not started")
    UNDER_WAY = "i_gang", _("in progress")
    IN_PLACE = "paa_plads", _("in place")


class AnchoringMeasure(SubmittedOnce):
    """A forankringstiltag: one of the measures the method names (`key` set), or the forløb's own."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="anchoring_measures")
    key = models.CharField(max_length=30, blank=True, editable=False, help_text="Stable key of a measure the method names.")
    title = models.CharField(_("measure"), max_length=200)
    status = models.CharField(
        _("status"), max_length=20, choices=AnchoringStatus.choices, default=AnchoringStatus.NOT_STARTED
    )
    responsible = models.ForeignKey(
        Participant,
        verbose_name=_("responsible"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="anchoring_measures",
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When it is to be, or was, in place."))
    note = models.TextField(_("note"), max_length=2000, blank=True)
    order = models.PositiveSmallIntegerField(default=0, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anchoring measure")
        verbose_name_plural = _("anchoring measures")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["process", "key"], condition=~Q(key=""), name="one_named_measure_per_process")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("anchoring", args=[self.process_id])
