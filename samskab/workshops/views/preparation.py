"""The facilitator prepares the workshop: details, sections and their headings or statements, attendance."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.workshops import services
from samskab.workshops.access import get_section_for_facilitator, get_workshop_for_facilitator, is_facilitator
from samskab.workshops.forms import AttendanceForm, HeadingFormSet, SectionEditForm, SectionForm, StatementFormSet, WorkshopEditForm
from samskab.workshops.models import HeadingKind, SectionKind, WorkshopStatus


def _context(workshop, **extra) -> dict:
    return {"workshop": workshop, "round": workshop.round, "process": workshop.round.process, **extra}


def _refuse_closed(request, workshop):
    """A closed workshop is read-only: the facilitator reopens it (on the run page) to change it."""
    if workshop.status != WorkshopStatus.CLOSED:
        return None
    messages.error(request, _("The workshop is closed and cannot be changed. Reopen it to make changes."))
    return redirect(workshop)


@login_required
def workshop_detail(request, pk: int):
    workshop = get_workshop_for_facilitator(request.user, pk)
    sections = list(workshop.sections.prefetch_related("headings", "statements"))
    attendance = workshop.attendance.values_list("status", flat=True)
    return render(
        request,
        "workshops/workshop_detail.html",
        _context(
            workshop,
            sections=sections,
            facilitators=workshop.facilitators.all(),
            attended=sum(1 for status in attendance if status == "fremmoede"),
            apologies=sum(1 for status in attendance if status == "afbud"),
            section_form=SectionForm(),
        ),
    )


@login_required
def workshop_edit(request, pk: int):
    workshop = get_workshop_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, workshop):
        return refused
    form = WorkshopEditForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        workshop = services.workshop_edit(
            workshop=form.instance, facilitators=form.cleaned_data["facilitators"], by=request.user
        )
        messages.success(request, _("The workshop has been saved."))
        # Who handed the workshop over to others may no longer open it: show them the round.
        return redirect(workshop if is_facilitator(request.user, workshop) else workshop.round)
    return render(request, "workshops/workshop_edit.html", _context(workshop, form=form))


@login_required
def section_create(request, pk: int):
    workshop = get_workshop_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, workshop):
        return refused
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = services.section_add(section=form.instance, workshop=workshop, by=request.user)
        messages.success(request, _("The section has been added."))
        return redirect(section.get_absolute_url() if section.kind != SectionKind.STATUS else workshop.get_absolute_url())
    return render(request, "workshops/section_create.html", _context(workshop, form=form))


@login_required
def section_edit(request, pk: int):
    """A section's title and introduction, and its texts (columns and themes, or statements)."""
    section = get_section_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, section.workshop):
        return refused
    form = SectionEditForm(request.POST or None, instance=section, prefix="section")
    formsets = _text_formsets(section, request.POST or None)
    if request.method == "POST" and form.is_valid() and all(formset.is_valid() for _p, _l, formset in formsets):
        changed = {prefix: formset.save(commit=False) for prefix, _label, formset in formsets}
        services.section_edit(
            section=form.instance,
            headings={kind: changed[kind] for kind in HeadingKind.values if kind in changed},
            statements=changed.get(STATEMENTS, []),
            deleted=[item for _prefix, _label, formset in formsets for item in formset.deleted_objects],
            by=request.user,
        )
        messages.success(request, _("The section has been saved."))
        return redirect(section.workshop)
    return render(
        request, "workshops/section_edit.html", _context(section.workshop, section=section, form=form, formsets=formsets)
    )


STATEMENTS = "udsagn"  # the statements' formset's prefix (the headings' are their kinds)


def _texts(section) -> list[tuple[str, str, type, object]]:
    """The texts a section has: (formset prefix, legend, formset class, the texts now)."""
    if section.kind == SectionKind.BOARD:
        return [
            (HeadingKind.COLUMN, _("Columns"), HeadingFormSet, section.headings.filter(kind=HeadingKind.COLUMN)),
            (HeadingKind.THEME, _("Themes (rows, optional)"), HeadingFormSet, section.headings.filter(kind=HeadingKind.THEME)),
        ]
    if section.kind == SectionKind.RATING:
        legend = _("Statements, rated from 1 (not at all) to 5 (to a high degree)")
        return [(STATEMENTS, legend, StatementFormSet, section.statements.all())]
    return []


def _text_formsets(section, data) -> list:
    """One formset per kind of text: (prefix, legend, formset). A new text is offered the last position."""
    formsets = []
    for prefix, legend, formset_class, texts in _texts(section):
        last = texts.aggregate(Max("order"))["order__max"]
        after_last = 0 if last is None else last + 1
        formset = formset_class(data, instance=section, prefix=prefix, queryset=texts, initial=[{"order": after_last}])
        formsets.append((prefix, legend, formset))
    return formsets


@login_required
@require_POST
def section_move(request, pk: int):
    section = get_section_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, section.workshop):
        return refused
    services.section_move(section=section, up=request.POST.get("direction") == "up", by=request.user)
    return redirect(section.workshop)


@login_required
def section_delete(request, pk: int):
    section = get_section_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, section.workshop):
        return refused
    workshop = section.workshop
    if request.method == "POST":
        services.section_delete(section=section, by=request.user)
        messages.success(request, _("The section has been left out."))
        return redirect(workshop)
    return render(
        request,
        "workshops/section_delete.html",
        {**_context(workshop), "object": section, "cancel_url": workshop.get_absolute_url()},
    )


@login_required
def attendance(request, pk: int):
    """Fremmøde: tick who of the forløb's participants came and who sent afbud."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    if refused := _refuse_closed(request, workshop):
        return refused
    participants = workshop.round.process.participants.select_related("user")
    recorded = dict(workshop.attendance.values_list("participant_id", "status"))
    form = AttendanceForm(request.POST or None, participants=participants, recorded=recorded)
    if request.method == "POST" and form.is_valid():
        services.attendance_record(workshop=workshop, statuses=form.statuses(), by=request.user)
        messages.success(request, _("The attendance has been saved."))
        return redirect(workshop)
    return render(request, "workshops/attendance.html", _context(workshop, form=form))
