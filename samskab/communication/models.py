"""Kommunikationsplan: whom the round's experience is told to, what, why, how, when and by whom (step 6, point 4)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskab.core.concurrency import Versioned
from samskab.processes.models import Participant, SubmittedOnce


class MessageStatus(models.TextChoices):
    PLANNED = "planlagt", _("planned")
    DONE = "gennemfoert", _("done")


class Reached(models.TextChoices):
    UNKNOWN = "ukendt", _("not yet known")
    YES = "ja", _("yes")
    PARTLY = "delvist", _("partly")
    NO = "nej", _("no")


class CommunicationRow(SubmittedOnce, Versioned):
    """One row of the round's communication plan: one message to one audience."""

    round = models.ForeignKey("rounds.EvaluationRound", on_delete=models.CASCADE, related_name="communication")
    audience = models.CharField(_("audience"), max_length=200)
    message = models.TextField(_("message"), max_length=2000)
    why = models.TextField(_("why they should know"), max_length=2000, blank=True)
    channel = models.CharField(_("channel"), max_length=200)
    when = models.DateField(_("when"), null=True, blank=True)
    sender = models.ForeignKey(
        Participant,
        verbose_name=_("sender or ambassador"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
    )
    how_we_know = models.CharField(_("how we know it reached them"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=MessageStatus.choices, default=MessageStatus.PLANNED)
    reached = models.CharField(_("reached them"), max_length=20, choices=Reached.choices, default=Reached.UNKNOWN)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("communication plan row")
        verbose_name_plural = _("communication plan")
        ordering = ["when", "pk"]

    def __str__(self) -> str:
        return f"{self.audience}: {self.message[:40]}"

    def get_absolute_url(self) -> str:
        return reverse("communication:communication", args=[self.round_id])
