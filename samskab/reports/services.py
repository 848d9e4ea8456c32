"""The writes of a round report's life: kladde → godkendt (a frozen version) → kladde again → version 2 …"""

from django.db import transaction
from django.utils import timezone, translation

from samskab.core import frozen
from samskab.reports import content as report_content
from samskab.reports.docx import render_docx
from samskab.reports.models import ReportStatus, RoundReport, RoundReportVersion
from samskab.reports.pdf import render_pdf
from samskab.rounds.models import EvaluationRound


def report_for(evaluation_round: EvaluationRound) -> RoundReport:
    """The round's report, made as a kladde the first time it is needed."""
    report, _created = RoundReport.objects.get_or_create(round=evaluation_round)
    return report


@transaction.atomic
def report_approve(*, report: RoundReport, by) -> bool:
    """Approve the draft and freeze it as the next version. False when it was approved already."""
    report = RoundReport.objects.select_for_update().select_related("round__process__unit__organisation").get(pk=report.pk)
    if report.is_approved:
        return False
    report.status = ReportStatus.APPROVED
    report.approved_at = timezone.now()
    report.approved_by = by
    report.save(update_fields=["status", "approved_at", "approved_by"])
    with translation.override("da"):
        content = report_content.build(report.round)
    frozen.approve_version(
        versions=report.versions,
        content=content,
        render_docx=render_docx,
        render_pdf=render_pdf,
        approved_at=report.approved_at,
        by=by,
        by_name=by.get_full_name() or by.get_username(),
    )
    return True


@transaction.atomic
def report_reopen(*, report: RoundReport, by) -> bool:
    """Start work towards a new version; the approved versions stay. False when it was a draft already."""
    report = RoundReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_approved:
        return False
    report.status = ReportStatus.DRAFT
    report.approved_at = None
    report.approved_by = None
    report.save(update_fields=["status", "approved_at", "approved_by"])
    return True


def last_version(report: RoundReport) -> RoundReportVersion | None:
    return report.versions.order_by("-number").first()


def version_content(version: RoundReportVersion) -> report_content.ReportContent:
    return frozen.thaw(report_content.ReportContent, version.content, frozen.seal_of(version))
