"""The facilitator moderates the board while running the workshop: groups, cards, lessons and actions.

Every form here is shown inline on the run page. Sent by HTMX (the run page's forms), a form
with an error comes back on the run page, at the place it was typed, keeping what was typed;
without JavaScript it comes back on a page of its own. Only the workshop's facilitators get
here (others 403, outsiders 404). A closed workshop is read-only: every view here says so and
changes nothing until the facilitator reopens it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.core.once import create_once
from samskab.workshops import moderation, services
from samskab.workshops.access import (
    get_aftale_for_facilitator,
    get_card_for_facilitator,
    get_group_for_facilitator,
    get_lesson_for_facilitator,
    get_section_for_facilitator,
)
from samskab.workshops.cards import Refused
from samskab.rounds.forms import ActionForm
from samskab.workshops.forms import CardMergeForm, CardModerateForm, CardSolutionsForm, GroupForm, LessonForm
from samskab.workshops.models import WorkshopStatus
from samskab.workshops.views.run import run_page


def _back(workshop, anchor: str = ""):
    """To the run page, at the part the facilitator was working on."""
    url = reverse("workshops:workshop_run", args=[workshop.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _closed(request, workshop):
    """None while the workshop may change; else the run page with a message saying why nothing changed."""
    if workshop.status != WorkshopStatus.CLOSED:
        return None
    messages.error(request, _("The workshop is closed, so nothing can be changed. Reopen it first."))
    return _back(workshop)


def _refused(request, workshop, refusal: Refused, anchor: str = ""):
    messages.error(request, refusal.message)
    return _back(workshop, anchor)


def _page(request, template: str, section, **extra):
    workshop = section.workshop
    context = {"workshop": workshop, "round": workshop.round, "process": workshop.round.process, "section": section}
    return render(request, template, {**context, **extra})


# Groups -----------------------------------------------------------------------------------------


@login_required
def group_create(request, pk: int):
    section = get_section_for_facilitator(request.user, pk)
    if closed := _closed(request, section.workshop):
        return closed
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = moderation.group_create(section=section, name=form.cleaned_data["name"], by=request.user)
        except Refused as refusal:
            form.add_error("name", refusal.message)
        else:
            messages.success(request, _("The group %(name)s is on the board.") % {"name": group.name})
            return _back(section.workshop, f"gruppe-{group.pk}")
    if request.htmx and form.is_bound:
        error = " ".join(form.errors.get("name", []))
        return run_page(request, section.workshop, bound={"group_error": error, "group_name": request.POST.get("name", "")})
    return _page(request, "workshops/group_edit.html", section, form=form, title=_("New group"))


@login_required
def group_edit(request, pk: int):
    group = get_group_for_facilitator(request.user, pk)
    section = group.section
    if closed := _closed(request, section.workshop):
        return closed
    form = GroupForm(request.POST or None, initial={"name": group.name})
    if request.method == "POST" and form.is_valid():
        try:
            moderation.group_rename(group=group, name=form.cleaned_data["name"], by=request.user)
        except Refused as refusal:
            form.add_error("name", refusal.message)
        else:
            messages.success(request, _("The group has been renamed."))
            return _back(section.workshop, f"gruppe-{group.pk}")
    if request.htmx and form.is_bound:
        messages.error(request, " ".join(form.errors.get("name", [])))
        return _back(section.workshop)
    return _page(request, "workshops/group_edit.html", section, form=form, group=group, title=_("Rename the group"))


@login_required
def group_delete(request, pk: int):
    group = get_group_for_facilitator(request.user, pk)
    section = group.section
    if closed := _closed(request, section.workshop):
        return closed
    if request.method == "POST":
        try:
            moderation.group_delete(group=group, by=request.user)
        except Refused as refusal:
            return _refused(request, section.workshop, refusal)
        messages.success(request, _("The group has been removed. Its cards are still on the board."))
        return _back(section.workshop, "grupper")
    return _page(
        request,
        "workshops/confirm_delete.html",
        section,
        title=_('Remove the group "%(name)s"?') % {"name": group.name},
        explanation=_("The cards in the group stay on the board, without a group."),
        button=_("Remove the group"),
    )


@login_required
@require_POST
def card_group(request, pk: int):
    """Put a card in a group, or take it out (an empty choice). The drag and drop sends the same request."""
    card = get_card_for_facilitator(request.user, pk)
    section = card.section
    if closed := _closed(request, section.workshop):
        return closed
    chosen = request.POST.get("group", "")
    group = None
    if chosen:
        if not chosen.isdigit():
            raise Http404
        group = section.groups.filter(pk=int(chosen)).first()
        if group is None:
            raise Http404
    try:
        moderation.card_to_group(card=card, group=group, by=request.user)
    except Refused as refusal:
        return _refused(request, section.workshop, refusal)
    if group is None:
        messages.success(request, _("The card is no longer in a group."))
    else:
        messages.success(request, _("The card is now in the group %(name)s.") % {"name": group.name})
    return _back(section.workshop, f"kort-{card.pk}")


# Cards ------------------------------------------------------------------------------------------


@login_required
def card_moderate(request, pk: int):
    """The facilitator changes a card's text, or moves it to another column or theme."""
    card = get_card_for_facilitator(request.user, pk)
    section = card.section
    if closed := _closed(request, section.workshop):
        return closed
    confirmed = request.POST.get("confirmed") == "on"
    # Inline on the run page each card's form has ids of its own.
    auto_id = f"card-{card.pk}-%s" if request.htmx else "id_%s"
    form = CardModerateForm(request.POST or None, card=card, ask_confirm="confirmed" in request.POST, auto_id=auto_id)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.card_edit(
                card=card,
                text=form.cleaned_data["text"],
                column=form.cleaned_data.get("column"),
                theme=form.cleaned_data.get("theme", card.theme),
                confirmed=confirmed,
                by=request.user,
            )
        except Refused as refusal:
            if refusal.confirm and "confirmed" not in form.fields:
                form.ask_confirm()
            form.add_error("text", refusal.message)
        else:
            messages.success(request, _("The card has been saved."))
            return _back(section.workshop, f"kort-{card.pk}")
    if request.htmx and form.is_bound:
        return run_page(request, section.workshop, bound={"card": card.pk, "card_form": form})
    return _page(request, "workshops/card_moderate.html", section, form=form, card=card)


@login_required
def card_merge(request, pk: int):
    """Merge this card into another card of the board (see moderation.card_merge)."""
    card = get_card_for_facilitator(request.user, pk)
    section = card.section
    if closed := _closed(request, section.workshop):
        return closed
    form = CardMergeForm(request.POST or None, card=card)
    if request.method == "POST" and form.is_valid():
        try:
            kept = moderation.card_merge(card=card, into=form.cleaned_data["into"], keep=form.cleaned_data["keep"], by=request.user)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The cards have been merged."))
            return _back(section.workshop, f"kort-{kept.pk}")
    if request.htmx and form.is_bound:
        # Merged by choosing the other card on the board: say what went wrong there.
        messages.error(request, " ".join(message for errors in form.errors.values() for message in errors))
        return _back(section.workshop)
    return _page(request, "workshops/card_merge.html", section, form=form, card=card)


# Læringspunkter ---------------------------------------------------------------------------------


@login_required
def lesson_create(request, pk: int):
    section = get_section_for_facilitator(request.user, pk)
    if closed := _closed(request, section.workshop):
        return closed
    form = LessonForm(request.POST or None, section=section, auto_id="lesson_%s")
    if request.method == "POST" and form.is_valid():
        create_once(form, lambda lesson: services.lesson_add(lesson=lesson, section=section, form=form, by=request.user))
        messages.success(request, _("The lesson has been saved."))
        return _back(section.workshop, "laeringspunkter")
    if request.htmx and form.is_bound:
        return run_page(request, section.workshop, bound={"lesson": form})
    return _page(request, "workshops/lesson_edit.html", section, form=form, title=_("New lesson"))


@login_required
def lesson_edit(request, pk: int):
    lesson = get_lesson_for_facilitator(request.user, pk)
    section = lesson.section
    if closed := _closed(request, section.workshop):
        return closed
    form = LessonForm(request.POST or None, instance=lesson, section=section)
    if request.method == "POST" and form.is_valid():
        services.lesson_change(form=form, section=section, by=request.user)
        messages.success(request, _("The lesson has been saved."))
        return _back(section.workshop, "laeringspunkter")
    return _page(request, "workshops/lesson_edit.html", section, form=form, title=_("Edit the lesson"))


@login_required
def lesson_delete(request, pk: int):
    lesson = get_lesson_for_facilitator(request.user, pk)
    section = lesson.section
    if closed := _closed(request, section.workshop):
        return closed
    if request.method == "POST":
        services.lesson_delete(lesson=lesson, section=section, by=request.user)
        messages.success(request, _("The lesson has been deleted."))
        return _back(section.workshop, "laeringspunkter")
    return _page(
        request,
        "workshops/confirm_delete.html",
        section,
        title=_("Delete the lesson?"),
        explanation=lesson.text,
        button=_("Delete the lesson"),
    )


# Aftaler ----------------------------------------------------------------------------------------


@login_required
def action_create(request, pk: int):
    section = get_section_for_facilitator(request.user, pk)
    workshop = section.workshop
    if closed := _closed(request, workshop):
        return closed
    form = ActionForm(request.POST or None, process=workshop.round.process, auto_id="action_%s")
    if request.method == "POST" and form.is_valid():
        create_once(form, lambda action: services.workshop_action_add(action=action, section=section, by=request.user))
        messages.success(request, _("The agreement has been saved."))
        return _back(workshop, "aftaler")
    if request.htmx and form.is_bound:
        return run_page(request, workshop, bound={"action": form})
    return _page(request, "workshops/action_edit.html", section, form=form, title=_("New agreement"))


@login_required
def action_edit(request, pk: int):
    """The aftale's old address: on to the action's one edit page (actionplan), and back here after.

    The workshop's rules still hold at this door (only its facilitators; a closed workshop
    refuses). A form sent here keeps its data on the way (307).
    """
    action = get_aftale_for_facilitator(request.user, pk)
    workshop = action.section.workshop
    if closed := _closed(request, workshop):
        return closed
    run = reverse("workshops:workshop_run", args=[workshop.pk])
    target = f"{reverse('actionplan:plan_action_edit', args=[action.pk])}?{urlencode({'next': f'{run}#aftaler'})}"
    return HttpResponseRedirect(target, status=307 if request.method == "POST" else 302)


@login_required
def action_delete(request, pk: int):
    action = get_aftale_for_facilitator(request.user, pk)
    section = action.section
    if closed := _closed(request, section.workshop):
        return closed
    if request.method == "POST":
        services.workshop_action_delete(action=action, section=section, by=request.user)
        messages.success(request, _("The agreement has been deleted."))
        return _back(section.workshop, "aftaler")
    return _page(
        request,
        "workshops/confirm_delete.html",
        section,
        title=_("Delete the agreement?"),
        explanation=action.what,
        button=_("Delete the agreement"),
    )


@login_required
def card_solutions(request, pk: int):
    """Link a card to the solutions it is about, while grouping or afterwards (also once the workshop is closed:
    the link serves the analysis of the solution, not the workshop's record)."""
    card = get_card_for_facilitator(request.user, pk)
    section = card.section
    form = CardSolutionsForm(request.POST or None, instance=card, process=section.workshop.round.process)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The card's solutions have been saved."))
        return _back(section.workshop, f"kort-{card.pk}")
    return _page(request, "workshops/card_solutions.html", section, form=form, card=card)
