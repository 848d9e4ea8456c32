"""The evaluation round (evalueringsrunde) of a forløb and the actions of its plan.

A round holds one pass through step 6: its workshop, anchoring check, decisions and action plan
(each in an app of its own), so that two rounds of the same forløb can be compared.
The tables keep the names they had when these models lived in the workshops app.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskab.core.concurrency import Versioned
from samskab.processes.models import Participant, Process, SubmittedOnce


class RoundStatus(models.TextChoices):
    OPEN = "aaben", _("open")
    CLOSED = "afsluttet", _("closed")


class EvaluationRound(models.Model):
    """An evalueringsrunde: open until the facilitator closes it or the next round starts."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("number"))
    status = models.CharField(_("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN)
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    # The id of the "start a round" form that made it, so that a double click starts one round.
    submission_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    history = HistoricalRecords(table_name="workshops_historicalevaluationround")

    class Meta:
        db_table = "workshops_evaluationround"
        verbose_name = _("evaluation round")
        verbose_name_plural = _("evaluation rounds")
        ordering = ["process", "-number"]
        constraints = [models.UniqueConstraint(fields=["process", "number"], name="unique_round_number")]

    def __str__(self) -> str:
        return str(_("Evaluation round %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        return reverse("reports:round", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class ActionStatus(models.TextChoices):
    NOT_STARTED = "ikke_startet", _("not started")
    IN_PROGRESS = "i_gang", _("in progress")
    DONE = "udfoert", _("done")
    DROPPED = "droppet", _("dropped")


class Action(SubmittedOnce, Versioned):
    """A handling in the round's action plan. An aftale from the workshop is one, with its section.

    `source` links back to what the action came from (a decision, an anchoring check or measure,
    a row of the communication plan); an aftale's source is its section.
    """

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="actions")
    source_type = models.ForeignKey(ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source_id = models.PositiveIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # What of the source the action is for (a statement of the anchoring check, an adjustment, a
    # decision's kind): with it, the same source adds the same action to a round's plan once.
    source_key = models.CharField(max_length=300, blank=True, editable=False)
    # Named by string, not imported: the one link from this layer up to the workshop. A real
    # foreign key (not the generic `source`) so that the plan can filter aftaler by workshop in
    # the database and an aftale stays in the plan, unlinked, when its section is deleted.
    section = models.ForeignKey(
        "workshops.Section",
        verbose_name=_("agreed in"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    what = models.CharField(_("what"), max_length=300)
    why = models.TextField(_("why"), max_length=2000, blank=True)
    owner = models.ForeignKey(
        Participant, verbose_name=_("who"), on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    deadline = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(table_name="workshops_historicalaction")

    class Meta:
        db_table = "workshops_action"
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "source_type", "source_id", "source_key"],
                condition=~models.Q(source_key=""),
                name="one_action_per_source_and_key",
            )
        ]

    def __str__(self) -> str:
        return self.what
