"""The referat of a workshop: the facilitators' draft, its approval, and the approved referat for readers.

Who sees what: the workshop's facilitators see and edit the draft (kladde); once approved
(godkendt) it is frozen as a numbered version, and everyone who may read the forløb sees that
version and downloads its stored files. While the facilitators prepare a new version, readers see
the last approved one; before the first approval they get a 403 page saying why; outsiders 404.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samskab.core.forms import CleanTextForm, StyledForm
from samskab.workshops import minutes_content as referat
from samskab.workshops import services
from samskab.workshops.access import (
    NotApprovedYet,
    get_card_for_facilitator,
    get_minutes_for_facilitator,
    get_minutes_for_user,
    get_minutes_version_for_user,
)
from samskab.workshops.minutes_docx import render_docx
from samskab.workshops.minutes_pdf import render_pdf
from samskab.workshops.models import Card, Minutes, MinutesVersion, SectionKind, Workshop, WorkshopStatus


class MinutesForm(StyledForm, forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["summary", "next_evaluation"]
        help_texts = {
            "summary": gettext_lazy("A few lines on what the workshop concluded, at the top of the minutes."),
            "next_evaluation": gettext_lazy("Six months after the workshop unless you choose another date."),
        }

    def clean_next_evaluation(self):
        day = self.cleaned_data["next_evaluation"]
        if day is not None and day <= self.instance.workshop.date:
            raise forms.ValidationError(_("The next evaluation must come after the workshop."))
        return day


class ReopenForm(CleanTextForm, forms.Form):
    confirm = forms.BooleanField(
        label=gettext_lazy("Yes, make the minutes a draft again. Until they are approved again, only the facilitators see them."),
        error_messages={"required": gettext_lazy("Tick the box to confirm that the minutes become a draft again.")},
    )


def _shown(workshop: Workshop, record: Minutes, facilitator: bool) -> tuple[referat.MinutesContent, MinutesVersion | None]:
    """What the page and files give: the last approved version, or the facilitators' live draft."""
    if record.is_approved or not facilitator:
        version = referat.last_version(record)
        return referat.version_content(version), version
    return referat.build(workshop, record), None


def _not_approved(request, pk: int):
    workshop = Workshop.objects.select_related("round__process").get(pk=pk)
    return render(
        request,
        "workshops/minutes_not_approved.html",
        {"workshop": workshop, "round": workshop.round, "process": workshop.round.process},
        status=403,
    )


def _moderation(workshop: Workshop) -> list[tuple[object, list[Card]]]:
    """Every card of every board, hidden ones too, for the facilitator's hide toggles."""
    boards = [section for section in workshop.sections.all() if section.kind == SectionKind.BOARD]
    cards = Card.objects.filter(section__in=boards).select_related("column", "theme")
    by_section: dict[int, list[Card]] = {}
    for card in cards:
        by_section.setdefault(card.section_id, []).append(card)
    return [(section, by_section[section.pk]) for section in boards if section.pk in by_section]


@login_required
def minutes(request, pk: int):
    """The referat page; the facilitator's form for the summary and next evaluation posts here too."""
    try:
        workshop, record, facilitator = get_minutes_for_user(request.user, pk)
    except NotApprovedYet:
        return _not_approved(request, pk)
    form = None
    if facilitator and not record.is_approved:
        form = MinutesForm(request.POST or None, instance=record)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The minutes have been saved."))
            return redirect("workshops:minutes", pk=workshop.pk)
    elif request.method == "POST":
        if not facilitator:
            raise PermissionDenied
        messages.error(request, _("Approved minutes cannot be changed. Make them a draft again first."))
        return redirect("workshops:minutes", pk=workshop.pk)
    content, version = _shown(workshop, record, facilitator)
    return _page(
        request,
        workshop,
        record,
        content,
        version,
        facilitator=facilitator,
        form=form,
        reopen_form=ReopenForm() if facilitator and record.is_approved else None,
        moderation=_moderation(workshop) if form is not None else [],
        closed=workshop.status == WorkshopStatus.CLOSED,
    )


def _page(request, workshop: Workshop, record: Minutes, content, version, **context):
    versions = list(record.versions.defer("content", "docx", "pdf"))  # the list needs no files
    return render(
        request,
        "workshops/minutes.html",
        {
            "workshop": workshop,
            "round": workshop.round,
            "process": workshop.round.process,
            "minutes": record,
            "content": content,
            "version": version,
            "versions": versions,
            # A reader sees an earlier version while the facilitators prepare the next one.
            "preparing": not record.is_approved and version is not None,
            "newest": versions[0] if versions else None,
            **context,
        },
    )


@login_required
def minutes_version(request, pk: int, number: int):
    """One approved version of the referat, as it was approved."""
    try:
        workshop, version, facilitator = get_minutes_version_for_user(request.user, pk, number)
    except NotApprovedYet:
        return _not_approved(request, pk)
    return _page(request, workshop, version.minutes, referat.version_content(version), version, facilitator=facilitator)


@login_required
@require_POST
def minutes_approve(request, pk: int):
    """Godkend: the draft becomes the approved referat. A second click changes nothing."""
    workshop, record = get_minutes_for_facilitator(request.user, pk)
    try:
        if services.minutes_approve(minutes=record, by=request.user):
            messages.success(request, _("The minutes have been approved. Everyone who follows the process can now read them."))
    except services.NotReady as reason:
        messages.error(request, str(reason))
    return redirect("workshops:minutes", pk=workshop.pk)


@login_required
@require_POST
def minutes_reopen(request, pk: int):
    """Make approved minutes a draft again, when the facilitator confirms it."""
    workshop, record = get_minutes_for_facilitator(request.user, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
    elif services.minutes_reopen(minutes=record, by=request.user):
        messages.success(request, _("The minutes are a draft again."))
    return redirect("workshops:minutes", pk=workshop.pk)


@login_required
@require_POST
def minutes_card_hide(request, pk: int):
    """Hide a card from the referat (it names a colleague, say), or show it again. Drafts only."""
    card = get_card_for_facilitator(request.user, pk)
    workshop, record = get_minutes_for_facilitator(request.user, card.section.workshop_id)
    if record.is_approved:
        messages.error(request, _("Approved minutes cannot be changed. Make them a draft again first."))
        return redirect("workshops:minutes", pk=workshop.pk)
    services.card_hide(card=card, hidden=request.POST.get("hidden") == "1", by=request.user)
    if card.hidden:
        messages.success(request, _("The card is hidden from the minutes."))
    else:
        messages.success(request, _("The card is shown in the minutes again."))
    return redirect(reverse("workshops:minutes", args=[workshop.pk]) + "#kort")


def _file(workshop: Workshop, version: MinutesVersion | None, body: bytes, extension: str, content_type: str):
    response = HttpResponse(body, content_type=content_type)
    suffix = f"-v{version.number}" if version else "-kladde"
    response["Content-Disposition"] = f'attachment; filename="referat-{workshop.date.isoformat()}{suffix}.{extension}"'
    return response


def _download(request, pk: int, extension: str):
    """The last approved version's stored file; for the facilitators of a draft, the draft printed now."""
    try:
        workshop, record, facilitator = get_minutes_for_user(request.user, pk)
    except NotApprovedYet:
        return _not_approved(request, pk)
    if record.is_approved or not facilitator:
        version = referat.last_version(record)
        body = bytes(getattr(version, extension))
    else:
        version = None
        # The files are the municipality's documents: Danish, whatever language the page is in.
        with translation.override("da"):
            body = RENDER[extension](referat.build(workshop, record))
    return _file(workshop, version, body, extension, CONTENT_TYPES[extension])


def _version_download(request, pk: int, number: int, extension: str):
    try:
        workshop, version, _facilitator = get_minutes_version_for_user(request.user, pk, number)
    except NotApprovedYet:
        return _not_approved(request, pk)
    return _file(workshop, version, bytes(getattr(version, extension)), extension, CONTENT_TYPES[extension])


RENDER = {"docx": render_docx, "pdf": render_pdf}
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
def minutes_docx(request, pk: int):
    return _download(request, pk, "docx")


@login_required
def minutes_pdf(request, pk: int):
    return _download(request, pk, "pdf")


@login_required
def minutes_version_docx(request, pk: int, number: int):
    return _version_download(request, pk, number, "docx")


@login_required
def minutes_version_pdf(request, pk: int, number: int):
    return _version_download(request, pk, number, "pdf")
