"""Forankring: how a forløb keeps the new way of working alive once the process ends (step 6, point 5)."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
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
        return reverse("anchoring:anchoring", args=[self.process_id])


class AnchoringCheck(models.Model):
    """The round's forankringstjek: the eight anchoring statements on the 1–5 scale."""

    round = models.OneToOneField(
        "rounds.EvaluationRound", on_delete=models.CASCADE, related_name="anchoring_check"
    )
    threshold = models.DecimalField(
        _("warning at or below"),
        max_digits=2,
        decimal_places=1,
        default=Decimal("2.0"),
        validators=[MinValueValidator(Decimal("1.0")), MaxValueValidator(Decimal("5.0"))],
        help_text=_("A statement scored at or below this suggests an action."),
    )
    from_workshop = models.BooleanField(default=False, editable=False, help_text="Taken from the workshop's rating.")
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("anchoring check")
        verbose_name_plural = _("anchoring checks")

    def __str__(self) -> str:
        return str(_("Anchoring check of %(round)s") % {"round": self.round})

    def get_absolute_url(self) -> str:
        return reverse("anchoring:anchoring_check", args=[self.round_id])


class AnchoringScore(models.Model):
    """One statement's score in a check; no average when too few answered to show one."""

    anchoring_check = models.ForeignKey(AnchoringCheck, on_delete=models.CASCADE, related_name="scores")
    key = models.CharField(max_length=30)
    statement = models.CharField(_("statement"), max_length=300)
    average = models.DecimalField(
        _("score"),
        max_digits=2,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("1.0")), MaxValueValidator(Decimal("5.0"))],
    )
    respondents = models.PositiveSmallIntegerField(_("answers"), null=True, blank=True)

    class Meta:
        verbose_name = _("anchoring score")
        verbose_name_plural = _("anchoring scores")
        constraints = [models.UniqueConstraint(fields=["anchoring_check", "key"], name="one_score_per_statement")]

    def __str__(self) -> str:
        return self.statement
