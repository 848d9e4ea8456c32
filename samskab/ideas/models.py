"""Where the method could be used next: one municipal list of ideas for new forløb.

An idea comes from one of two places (see `collect.py`): a card in the transfer board's column
"nye arbejdsgange eller udfordringer, vi kunne kaste os over" of an approved referat, or a
forløb's decision "udbred til andre enheder". The central konsulent triages each one and can
start a new forløb from it, linked back to where the idea came from.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskab.core.concurrency import Versioned
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound


class IdeaOrigin(models.TextChoices):
    TRANSFER_CARD = "overfoersel", _("transfer card from the workshop")
    SPREAD_DECISION = "udbred", _("decision to spread the method")


class IdeaStatus(models.TextChoices):
    NEW = "ny", _("new")
    ASSESSING = "vurderes", _("being assessed")
    STARTED = "startet", _("started as a process")
    NOT_NOW = "ikke_nu", _("not now")


class Idea(Versioned):
    """One idea on the municipality's list, with the forløb, unit and round it came from."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="ideas")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="ideas")
    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="ideas")
    round = models.ForeignKey(EvaluationRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="ideas")
    date = models.DateField(_("date"))  # the workshop's day, or the day of the decision
    text = models.TextField(_("idea"), max_length=5000)
    origin = models.CharField(_("origin"), max_length=20, choices=IdeaOrigin.choices)
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW)
    note = models.TextField(_("note"), max_length=3000, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("assessed by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    triaged_at = models.DateTimeField(_("assessed"), null=True, blank=True)
    started_process = models.OneToOneField(
        Process,
        verbose_name=_("process started from the idea"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="started_from_idea",
    )
    listed = models.BooleanField(default=True, editable=False)  # off while the referat is a draft again
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["source_type", "source_id"], name="one_idea_per_source")]
        indexes = [models.Index(fields=["organisation", "listed", "-date"], name="idea_listing")]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def untriaged(self) -> bool:
        """Nobody has done anything with it yet: it may go away with its source."""
        return self.status == IdeaStatus.NEW and not self.note and self.started_process_id is None
