"""The facilitator runs the workshop: status, current section, phases, timer, and the projector.

The run page works without JavaScript (a POST and a redirect back). With it, its forms are sent
by HTMX and the answer replaces the page's part `#run-page` in place (no reload, the scroll
position kept); `#run-board` is fetched again when the live channel says something changed.
A form with an error comes back on the run page with the message at its field.
"""

import uuid
from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.processes.models import FollowUp, Solution, SolutionStatus
from samskab.processes.services import follow_up_add
from samskab.workshops import cards, joining, live, services
from samskab.workshops.access import get_card_for_facilitator, get_section_for_facilitator, get_workshop_for_facilitator
from samskab.workshops.forms import JoiningForm, StatusConfirmForm
from samskab.workshops.models import Phase, SectionKind, Workshop, WorkshopStatus
from samskab.workshops.phone_forms import PaperCardForm
from samskab.workshops.state import board_state

TIMER_CHOICES = [2, 3, 5, 10, 15]  # minutes
PAGE_FRAGMENT = "run-page"  # the part HTMX swaps for the page's own forms (HX-Target); else the board


@login_required
def run(request, pk: int):
    return run_page(request, get_workshop_for_facilitator(request.user, pk))


def _closed(request, workshop: Workshop):
    """None while the workshop may change; else back to the run page, saying why nothing changed."""
    if workshop.status != WorkshopStatus.CLOSED:
        return None
    messages.error(request, _("The workshop is closed, so nothing can be changed. Reopen it first."))
    return redirect("workshops:workshop_run", pk=workshop.pk)


def run_page(request, workshop, *, paper_form: PaperCardForm | None = None, bound: dict | None = None):
    """The run page, or (HTMX from live.js) just its board. `bound`: forms sent with an error, by name
    ("group", "lesson", "action", or a card's pk for its edit form), shown where they were typed."""
    seq = live.current_seq(workshop.pk)  # before the state is read: it includes every change up to seq
    sections = list(workshop.sections.all())
    current = next((s for s in sections if s.pk == workshop.current_section_id), None)
    closed = workshop.status == WorkshopStatus.CLOSED
    if paper_form is None and current is not None and current.kind == SectionKind.BOARD and not closed:
        paper_form = PaperCardForm(section=current)
    # HTMX asks for the whole part #run-page (the page's own forms) or, otherwise, just the board.
    board_only = request.htmx and request.htmx.target != PAGE_FRAGMENT
    template = "workshops/includes/run_board.html" if board_only else "workshops/run.html"
    return render(
        request,
        template,
        {
            "seq": seq,
            "workshop": workshop,
            "round": workshop.round,
            "process": workshop.round.process,
            "sections": sections,
            "current": current,
            "closed": closed,
            "boosted_board": board_only and request.htmx.boosted,
            "moderate": not closed,
            "phases": Phase.choices,
            "timer_choices": TIMER_CHOICES,
            "board": board_state(current, for_facilitator=True) if current else None,
            "paper_form": paper_form,
            "bound": bound or {},
            "statuses": SolutionStatus.choices,
            "confirm_submission": uuid.uuid4(),
            "join_url": request.build_absolute_uri(f"/w/{workshop.join_code}/"),
            "joined": joining.joined_count(workshop),
            "joining_form": JoiningForm(initial={"max_attendees": workshop.max_attendees or joining.expected(workshop)}),
            "run_messages": {
                "merge_choose": _('Choose the card that "%(text)s" is merged into, or press Escape.'),
                "merge_cancel": _("Cancel"),
            },
        },
    )


@login_required
@require_POST
def paper_card(request, pk: int):
    """The facilitator types in a paper note for someone without a phone. A repeat stores nothing new."""
    section = get_section_for_facilitator(request.user, pk)
    if closed := _closed(request, section.workshop):
        return closed
    form = PaperCardForm(request.POST, section=section)
    if form.is_valid():
        try:
            services.paper_card_add(
                section=section,
                client_id=form.cleaned_data["client_id"],
                text=form.cleaned_data["text"],
                column=form.cleaned_data.get("column"),
                theme=form.cleaned_data.get("theme"),
                by=request.user,
            )
        except cards.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The paper card has been added."))
            return redirect("workshops:workshop_run", pk=section.workshop.pk)
    if section.pk != section.workshop.current_section_id:
        return redirect("workshops:workshop_run", pk=section.workshop.pk)
    return run_page(request, section.workshop, paper_form=form)


@login_required
@require_POST
def workshop_status(request, pk: int):
    """Start, close or reopen the workshop. A closed workshop is read-only and its code stops working."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    status = request.POST.get("status")
    if status not in WorkshopStatus.values:
        return redirect("workshops:workshop_run", pk=workshop.pk)
    form = JoiningForm(request.POST)
    max_attendees = form.cleaned_data["max_attendees"] if form.is_valid() else None
    if services.workshop_status_set(workshop=workshop, status=status, max_attendees=max_attendees, by=request.user):
        messages.info(request, _("The minutes are a draft again: the reopened workshop can still change them."))
    messages.success(request, _("The workshop is now %(status)s.") % {"status": workshop.get_status_display()})
    return redirect("workshops:workshop_run", pk=workshop.pk)


@login_required
@require_POST
def workshop_joining(request, pk: int):
    """Open joining with the code for as many as are in the room, or close it. Joined phones stay joined."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    if closed := _closed(request, workshop):
        return closed
    if request.POST.get("open") != "1":
        services.workshop_joining_set(workshop=workshop, max_attendees=None, by=request.user)
        messages.success(request, _("Joining is closed. Those who have joined can go on taking part."))
        return redirect("workshops:workshop_run", pk=workshop.pk)
    if workshop.status != WorkshopStatus.RUNNING:
        messages.error(request, _("Start the workshop first: joining is open only while it runs."))
        return redirect("workshops:workshop_run", pk=workshop.pk)
    form = JoiningForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say how many are in the room (from 1 to 2000) to open joining."))
        return redirect("workshops:workshop_run", pk=workshop.pk)
    services.workshop_joining_set(workshop=workshop, max_attendees=form.cleaned_data["max_attendees"], by=request.user)
    messages.success(
        request, _("Joining is open for %(count)s people in the room.") % {"count": workshop.max_attendees}
    )
    return redirect("workshops:workshop_run", pk=workshop.pk)


@login_required
@require_POST
def section_show(request, pk: int):
    """Make a section the one everybody works on now."""
    section = get_section_for_facilitator(request.user, pk)
    if closed := _closed(request, section.workshop):
        return closed
    services.section_show(section=section, by=request.user)
    return redirect("workshops:workshop_run", pk=section.workshop.pk)


@login_required
@require_POST
def section_phase(request, pk: int):
    """Move the section to a phase, optionally with a timer; lock or unlock its cards."""
    section = get_section_for_facilitator(request.user, pk)
    if closed := _closed(request, section.workshop):
        return closed
    phase = request.POST.get("phase") or None
    if phase is not None and phase not in Phase.values:
        raise Http404
    minutes = request.POST.get("minutes")
    ends_at = None
    if minutes:
        if not minutes.isdigit() or int(minutes) not in TIMER_CHOICES:
            raise Http404
        ends_at = timezone.now() + timedelta(minutes=int(minutes))
    locked = request.POST["locked"] == "1" if "locked" in request.POST else None
    published = services.section_phase_set(section=section, phase=phase, ends_at=ends_at, locked=locked, by=request.user)
    if not published:
        messages.info(
            request, _("The rating is closed. Its earlier figures still stand: too few answers changed to show new ones.")
        )
    return redirect("workshops:workshop_run", pk=section.workshop.pk)


@login_required
@require_POST
def card_hide(request, pk: int):
    """Hide a card from the projector and the referat (a card naming a colleague), or show it again."""
    card = get_card_for_facilitator(request.user, pk)
    workshop = card.section.workshop
    if workshop.status == WorkshopStatus.CLOSED:
        # After the workshop, cards are hidden on the referat page, while the referat is a draft.
        messages.error(request, _("The workshop is closed. Hide cards on the minutes page while they are a draft."))
        return redirect("workshops:workshop_run", pk=workshop.pk)
    services.card_hide(card=card, hidden=request.POST.get("hidden") == "1", by=request.user)
    return redirect("workshops:workshop_run", pk=workshop.pk)


@login_required
@require_POST
def status_challenge(request, pk: int):
    """Show another challenge in the status round."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    if closed := _closed(request, workshop):
        return closed
    challenge = workshop.round.process.challenges.filter(pk=request.POST.get("challenge") or 0).first()
    if challenge is None:
        raise Http404
    services.challenge_show(workshop=workshop, challenge=challenge, by=request.user)
    return redirect("workshops:workshop_run", pk=workshop.pk)


@login_required
@require_POST
def status_confirm(request, pk: int, solution_pk: int):
    """The facilitator confirms a solution's status in the status round: a follow-up "fra workshop"."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    if closed := _closed(request, workshop):
        return closed
    solution = Solution.objects.filter(pk=solution_pk, challenge__process=workshop.round.process).first()
    if solution is None:
        raise Http404
    form = StatusConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses."))
        return redirect("workshops:workshop_run", pk=workshop.pk)
    # One form per solution on the page shares the page's id; each solution's follow-up gets its own.
    submission_id = uuid.uuid5(form.cleaned_data["submission"] or uuid.uuid4(), str(solution.pk))
    if not FollowUp.objects.filter(submission_id=submission_id).exists():
        follow_up = FollowUp(
            submission_id=submission_id,
            date=timezone.localdate(),
            status=form.cleaned_data["status"],
            happened=form.cleaned_data["happened"] or _("Status confirmed at the evaluation workshop."),
            from_workshop=True,
        )
        follow_up_add(follow_up=follow_up, solution=solution, by=request.user)
        transaction.on_commit(partial(live.changed, workshop.pk))  # the status round shows it
        messages.success(request, _("The status of %(title)s has been saved as a follow-up.") % {"title": solution.title})
    return redirect("workshops:workshop_run", pk=workshop.pk)
