"""Rundens afrapportering: the draft for the forløb's editors, its approval, and the approved versions for readers.

Editors of the forløb (leaders, facilitators) see the live draft and approve it; approving
freezes a numbered version. Every reader of the forløb sees the last approved version (also while
a new one is prepared) and every earlier one; before the first approval they get a 403 page
saying why. Outsiders get 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import CleanTextForm
from samskab.processes.access import Access
from samskab.reports import content as report_content
from samskab.reports import services
from samskab.reports.access import NotApprovedYet, get_round_report_for_user, get_round_report_version_for_user
from samskab.reports.docx import render_docx
from samskab.reports.models import RoundReport
from samskab.reports.pdf import render_pdf
from samskab.rounds.access import get_round_for_user

RENDER = {"docx": render_docx, "pdf": render_pdf}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class ReopenForm(CleanTextForm, forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, make the round report a draft again. Readers see the last approved version until a new one is approved."),
        error_messages={"required": gettext_lazy("Tick the box to confirm that the round report becomes a draft again.")},
    )


def _not_approved(request, pk: int):
    evaluation_round = get_round_for_user(request.user, pk)
    context = {"round": evaluation_round, "process": evaluation_round.process}
    return render(request, "reports/report_not_approved.html", context, status=403)


def _page(request, evaluation_round, report: RoundReport, content, version, *, editor: bool):
    versions = list(report.versions.defer("content", "docx", "pdf"))  # the list needs no files
    return render(
        request,
        "reports/report.html",
        {
            "round": evaluation_round,
            "process": evaluation_round.process,
            "report": report,
            "content": content,
            "version": version,
            "versions": versions,
            "newest": versions[0] if versions else None,
            "preparing": not report.is_approved and version is not None,
            "editor": editor,
            "reopen_form": ReopenForm() if editor and report.is_approved else None,
        },
    )


@login_required
def round_report(request, pk: int):
    try:
        evaluation_round, report, editor = get_round_report_for_user(request.user, pk)
    except NotApprovedYet:
        return _not_approved(request, pk)
    if report.is_approved or not editor:
        version = services.last_version(report)
        return _page(request, evaluation_round, report, services.version_content(version), version, editor=editor)
    return _page(request, evaluation_round, report, report_content.build(evaluation_round), None, editor=editor)


@login_required
def round_report_version(request, pk: int, number: int):
    try:
        evaluation_round, version, editor = get_round_report_version_for_user(request.user, pk, number)
    except NotApprovedYet:
        return _not_approved(request, pk)
    return _page(request, evaluation_round, version.report, services.version_content(version), version, editor=editor)


@login_required
@require_POST
def round_report_approve(request, pk: int):
    evaluation_round, report, _editor = get_round_report_for_user(request.user, pk, Access.EDIT)
    if services.report_approve(report=report, by=request.user):
        messages.success(request, _("The round report has been approved. Everyone who follows the process can now read it."))
    return redirect("reports:round_report", pk=evaluation_round.pk)


@login_required
@require_POST
def round_report_reopen(request, pk: int):
    evaluation_round, report, _editor = get_round_report_for_user(request.user, pk, Access.EDIT)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
    elif services.report_reopen(report=report, by=request.user):
        messages.success(request, _("The round report is a draft again."))
    return redirect("reports:round_report", pk=evaluation_round.pk)


def _file(evaluation_round, version, body: bytes, extension: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[extension])
    suffix = f"v{version.number}" if version else "kladde"
    name = f"afrapportering-runde-{evaluation_round.number}-{suffix}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _download(request, pk: int, extension: str) -> HttpResponse:
    """The last approved version's stored file; for the editors of a draft, the draft printed now."""
    try:
        evaluation_round, report, editor = get_round_report_for_user(request.user, pk)
    except NotApprovedYet:
        return _not_approved(request, pk)
    if report.is_approved or not editor:
        version = services.last_version(report)
        return _file(evaluation_round, version, bytes(getattr(version, extension)), extension)
    with translation.override("da"):  # the municipality's document: Danish, whatever the page's language
        body = RENDER[extension](report_content.build(evaluation_round))
    return _file(evaluation_round, None, body, extension)


def _version_download(request, pk: int, number: int, extension: str) -> HttpResponse:
    try:
        evaluation_round, version, _editor = get_round_report_version_for_user(request.user, pk, number)
    except NotApprovedYet:
        return _not_approved(request, pk)
    return _file(evaluation_round, version, bytes(getattr(version, extension)), extension)


@login_required
def round_report_docx(request, pk: int):
    return _download(request, pk, "docx")


@login_required
def round_report_pdf(request, pk: int):
    return _download(request, pk, "pdf")


@login_required
def round_report_version_docx(request, pk: int, number: int):
    return _version_download(request, pk, number, "docx")


@login_required
def round_report_version_pdf(request, pk: int, number: int):
    return _version_download(request, pk, number, "pdf")
