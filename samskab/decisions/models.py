"""Beslutninger: what the round decides per solution, and for the forløb as a whole (step 6, point 6)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samskab.core.concurrency import Versioned
from samskab.processes.models import Participant, Solution, SubmittedOnce
from samskab.rounds.models import EvaluationRound


class DecisionKind(models.TextChoices):
    CONTINUE = "viderefoeres", _("continue")
    ADJUST = "justeres", _("adjust")
    NEW = "ny_loesning", _("new co-created governance solution")
    STOP = "stoppes", _("stop")


class Decided(SubmittedOnce, Versioned):
    """What every decision records: why, which leader decided, when, and when the MED-udvalg discussed it."""

    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="+")
    rationale = models.TextField(_("rationale"), max_length=5000)
    decided_by = models.ForeignKey(
        Participant, verbose_name=_("decided by"), on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    discussed_in_med_on = models.DateField(_("discussed in the MED committee"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Decision(Decided):
    """A beslutning on one solution in a round: one per round, changeable while the round is open.

    Earlier rounds' decisions, and this one's earlier kinds (its history), stay as the record.
    """

    solution = models.ForeignKey(Solution, on_delete=models.CASCADE, related_name="decisions")
    kind = models.CharField(_("decision"), max_length=20, choices=DecisionKind.choices)
    # The solution's status when the round first decided on it: what "continue" keeps when a
    # decision is changed back.
    status_before = models.CharField(max_length=20, blank=True, editable=False)
    new_solution = models.OneToOneField(
        Solution,
        verbose_name=_("new solution"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        help_text="The draft a 'new solution' decision made, linked to the solution it replaces.",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["solution", "round"], name="one_decision_per_solution_and_round")]

    def __str__(self) -> str:
        return f"{self.solution}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("decisions:solution_analysis", args=[self.solution_id])


class ProcessDecisionKind(models.TextChoices):
    NEW_ROUND = "ny_runde", _("a new round")
    SPREAD = "udbred", _("spread to other units")
    HAND_OVER = "drift", _("hand over to daily operation and close the process")


class ProcessDecision(Decided):
    """How, and whether, the forløb goes on with the method after this round."""

    kind = models.CharField(_("decision"), max_length=20, choices=ProcessDecisionKind.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision on the process")
        verbose_name_plural = _("decisions on the process")
        ordering = ["-decided_on", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()

    def get_absolute_url(self) -> str:
        return reverse("decisions:process_decision", args=[self.round_id])
