"""Erfaringsbank: what one workplace learned, findable and reusable by the next.

Items come only from approved referater (see `collect.py`): læringspunkter marked "kan bruges
andre steder", solutions with their decisions and measurements, and the transfer board's cards.
An item never records who wrote it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samskab.decisions.models import DecisionKind
from samskab.organisations.models import Organisation, Unit
from samskab.processes.models import Challenge, Process, Solution
from samskab.rounds.models import EvaluationRound


class ItemKind(models.TextChoices):
    LESSON = "laeringspunkt", _("lesson")
    SOLUTION = "loesning", _("solution")
    TRANSFER = "overfoersel", _("transfer idea")


class BankItem(models.Model):
    """One item of the erfaringsbank, with where and when it was learned."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="bank_items")
    process = models.ForeignKey(Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="bank_items")
    round = models.ForeignKey(EvaluationRound, on_delete=models.CASCADE, related_name="bank_items")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="bank_items")
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)  # the unit's path, for "and the units below"
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), blank=True)
    theme_key = models.CharField(max_length=50, blank=True)  # the template's stable key ("method", "elsewhere", …)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    decision = models.CharField(_("decision"), max_length=20, choices=DecisionKind.choices, blank=True)
    date = models.DateField(_("date"))
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    shared = models.BooleanField(
        _("shared in the municipality"),
        default=True,
        help_text=_("Off: only those who may see the process find the item."),
    )
    listed = models.BooleanField(default=True, editable=False)  # off while the referat is a draft again
    search_vector = SearchVectorField(null=True, editable=False)  # PostgreSQL only; SQLite uses the bank_fts table
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson bank item")
        verbose_name_plural = _("lesson bank items")
        ordering = ["-date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["source_type", "source_id"], name="one_bank_item_per_source")]
        indexes = [models.Index(fields=["organisation", "listed", "-date"], name="bank_item_listing")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("bank:bank_item", args=[self.pk])


class Adoption(models.Model):
    """"Brug hos os": an item copied into another forløb as a challenge and solution draft."""

    item = models.ForeignKey(BankItem, on_delete=models.CASCADE, related_name="adoptions")
    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="adoptions")
    challenge = models.ForeignKey(Challenge, on_delete=models.SET_NULL, null=True, blank=True, related_name="adoptions")
    solution = models.ForeignKey(Solution, on_delete=models.SET_NULL, null=True, blank=True, related_name="adoptions")
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("use in another process")
        verbose_name_plural = _("uses in other processes")
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["item", "process"], name="one_adoption_per_process")]

    def __str__(self) -> str:
        return f"{self.item} → {self.process}"
