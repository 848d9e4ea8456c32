"""Rundens afrapportering: what a round decided and planned after its workshop, for the MED committee.

The referat covers the workshop. The round's later work (decisions, anchoring check, communication
plan, action plan) reaches the MED committee in this document, approved and frozen the same way
(core/frozen.py): each approval is a numbered version with its content, checksum and files.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samskab.core.frozen import ApprovedVersion
from samskab.rounds.models import EvaluationRound


class ReportStatus(models.TextChoices):
    DRAFT = "kladde", _("draft")
    APPROVED = "godkendt", _("approved")


class RoundReport(models.Model):
    round = models.OneToOneField(EvaluationRound, on_delete=models.CASCADE, related_name="report")
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("round report")
        verbose_name_plural = _("round reports")

    def __str__(self) -> str:
        return str(_("Report of %(round)s") % {"round": self.round})

    @property
    def is_approved(self) -> bool:
        return self.status == ReportStatus.APPROVED


class RoundReportVersion(ApprovedVersion):
    """One approval of a round report, frozen like the referat's versions (workshops.MinutesVersion)."""

    report = models.ForeignKey(RoundReport, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        verbose_name = _("approved version of the round report")
        verbose_name_plural = _("approved versions of the round report")
        ordering = ["report", "-number"]
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_round_report_version")]
