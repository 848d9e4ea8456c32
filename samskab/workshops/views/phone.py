"""The participant's phone: the current section, writing cards, voting and rating.

Every form works as a plain POST with a redirect. assets/phone/phone.mjs sends the same forms from
an outbox with `Accept: application/json` and gets JSON back: the same status, and a message.
Changes are pushed over a WebSocket (consumers.py, assets/live.js); the page polls the small
state endpoint only when the socket cannot be used. Both carry the live sequence number `seq`.
"""

import hashlib
import json
import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from samskab.workshops import cards, hot_reads, limits, live, phone_room, phone_rows, privacy
from samskab.workshops.cards import Refused
from samskab.workshops.joining import attendee_required, wants_json
from samskab.workshops.models import (
    CARD_MAX_LENGTH,
    Attendee,
    Card,
    Phase,
    Rating,
    Section,
    SectionKind,
    Statement,
    WorkshopStatus,
)
from samskab.workshops.phone_forms import CardForm, RatingsForm


def _current_section(attendee: Attendee) -> Section | None:
    """The section everybody works on now; none before the workshop starts or after it closes."""
    workshop = attendee.workshop
    if workshop.status != WorkshopStatus.RUNNING or workshop.current_section_id is None:
        return None
    section = hot_reads.section(workshop.current_section_id)
    if section is not None:
        section.workshop = workshop
    return section


def _state(attendee: Attendee) -> dict:
    """What the participant's phone shows now; the page and the JSON state are both made from it."""
    workshop = attendee.workshop
    seq = live.current_seq(workshop.pk)  # before the state is read: it includes every change up to seq
    section = _current_section(attendee)
    state = {
        "seq": seq,
        "workshop": workshop,
        "attendee": attendee,
        "code": workshop.join_code,
        "section": section,
        "closed": workshop.status == WorkshopStatus.CLOSED,
        "my_cards": [],
        "vote_cards": [],
        "board_cards": [],
        "statements": [],
    }
    if section is not None and section.kind == SectionKind.BOARD:
        editable = not section.locked
        voting = editable and section.phase == Phase.VOTE
        # The board as the projector shows it (groups and columns, in vote order while discussing),
        # for those who sit far from the wall; no hidden card is in it. Built once for the room.
        show_board = section.phase in live.REVEALED and not voting
        shared = phone_room.room(section, seq, voting=voting, show_board=show_board)
        state.update(
            board=True,
            room=shared,
            columns=shared.columns,
            themes=shared.themes,
            writing=editable and section.phase in cards.WRITING,
            editable=editable,
            voting=voting,
            show_board=show_board,
            board_cards=shared.board_cards,
            my_cards=hot_reads.my_cards(section, attendee),
        )
        if voting:
            # Only this phone's own part per phone: its votes per card (and so the votes it has left).
            mine = hot_reads.my_votes(section, attendee)
            state["my_votes"] = mine
            state["votes_left"] = cards.votes_left(workshop, sum(mine.values()))
            state["vote_cards"] = shared.vote_cards
    elif section is not None and section.kind == SectionKind.RATING:
        mine = dict(Rating.objects.filter(attendee=attendee, statement__section=section).values_list("statement_id", "value"))
        state.update(
            rating=True,
            rating_open=not section.locked,
            statements=[(statement, mine.get(statement.pk)) for statement in section.statements.all()],
        )
    return state


def _fingerprint(state: dict) -> str:
    """What decides the page's layout: when it changes, the phone swaps in the page's new layout."""
    return live.layout(state["workshop"], state["section"])


def _card_json(card: Card) -> dict:
    return {
        "id": str(card.client_id),
        "text": card.text,
        "column": card.column_id,
        "theme": card.theme_id,
        "hidden": card.hidden,
    }


def _own_part(state: dict) -> dict:
    """What the page shows of this phone alone, and of where the room is: with the room's digest, the version."""
    section = state["section"]
    room = state.get("room")
    data = {
        "workshop": {"status": state["workshop"].status},
        "section": None,
        "my_cards": [_card_json(card) for card in state["my_cards"]],
        "my_votes": {str(card_id): n for card_id, n in state.get("my_votes", {}).items() if n},
        "votes_left": state.get("votes_left"),
        "ratings": {str(statement.pk): value for statement, value in state["statements"] if value is not None},
        "room": room.digest if room is not None else None,
    }
    if section is not None:
        data["section"] = {
            "id": section.pk,
            "kind": section.kind,
            "phase": section.phase,
            "locked": section.locked,
            "title": section.title,
        }
    data["fingerprint"] = _fingerprint(state)
    return data


def _version(own: dict) -> str:
    """Changes when anything the phone shows changes (the room's part through its digest)."""
    return hashlib.sha256(json.dumps(own, sort_keys=True).encode()).hexdigest()[:16]


def _state_json(state: dict) -> dict:
    own = _own_part(state)
    my_votes = state.get("my_votes", {})
    data = {
        "workshop": own["workshop"],
        "section": own["section"],
        "my_cards": own["my_cards"],
        "cards": [{**_card_json(card), "my_votes": my_votes.get(card.client_id, 0)} for card in state["vote_cards"]],
        "board": [{**_card_json(card), "group": card.group_id, "votes": card.vote_count} for card in state["board_cards"]],
        "votes_left": own["votes_left"],
        "ratings": own["ratings"],
        "fingerprint": own["fingerprint"],
        "version": _version(own),
    }
    data["seq"] = state["seq"]  # not part of the version: a new number alone changes nothing shown
    return data


def _js_messages() -> dict:
    """The words assets/phone/*.mjs show, translated here."""
    return {
        "sent": _("Sent"),
        "sending": _("Sending…"),
        "deleted": _("Your card has been deleted."),
        "rating_saved": _("Your rating has been saved."),
        "held_back": _("Not sent yet: read the warning at your card."),
        "no_cards": _("No cards yet."),
        "waiting": _("Waiting for a connection – we will try again"),
        "pending": _("Waiting to be sent"),
        "not_sent": _("Written on this phone but not sent. Copy the text if you still need it."),
        "remove": _("Remove"),
        "failed": _("It could not be sent. Reload the page and try again; your text is kept here."),
        "privacy_cpr": cards.privacy_warning("cpr"),
        "privacy_citizen": cards.privacy_warning("citizen"),
        "too_long": _("A card holds at most %(limit)d characters; yours has %(count)d. Please shorten it."),
        "votes_one": _("1 vote"),
        "votes_many": _("%(count)s votes"),
        # The same words as the page's own, for the lists the answer to a send updates.
        "my_cards_one": ngettext("Your card (%(count)s)", "Your cards (%(count)s)", 1),
        "my_cards_many": ngettext("Your card (%(count)s)", "Your cards (%(count)s)", 2),
        "hidden": _("hidden by the facilitator"),
        "votes_left_one": ngettext("You have %(votes)s vote left.", "You have %(votes)s votes left.", 1),
        "votes_left_many": ngettext("You have %(votes)s vote left.", "You have %(votes)s votes left.", 2),
        "my_votes_one": ngettext("your vote: %(votes)s", "your votes: %(votes)s", 1),
        "my_votes_many": ngettext("your vote: %(votes)s", "your votes: %(votes)s", 2),
    }


def _render(request: HttpRequest, attendee: Attendee, status: int = 200, **extra) -> HttpResponse:
    state = _state(attendee)
    state["version"] = _version(_own_part(state))
    state["card_client_id"] = uuid.uuid4()
    if state.get("editable"):
        # The empty card phone.mjs fills to show a card just sent, without fetching the page.
        state["card_template"] = Card(client_id=uuid.UUID(int=0))
    if state.get("voting"):
        state["vote_list"] = mark_safe(state["room"].vote_list.html(request, state["votes_left"], state["my_votes"]))
    if state.get("show_board"):
        state["room_board_html"] = state["room"].board_html
    state.update(
        fingerprint=_fingerprint(state),
        js_messages=_js_messages(),
        privacy_patterns=privacy.PATTERNS,
        card_max_length=CARD_MAX_LENGTH,
        **extra,
    )
    refusal = extra.get("refusal")
    if refusal is not None:
        _place_refusal(state, refusal)
    if state.get("board"):
        _my_cards_html(request, state)
    if state.get("rating"):
        state["ratings_client_id"] = uuid.uuid4()
        state["scale"] = cards.RATING_VALUES
    if request.htmx:
        # The phone's script asks for the page to swap in a new layout or fresh lists: no base.html.
        response = render(request, "workshops/phone_body.html", state, status=status)
    else:
        response = render(request, "workshops/phone.html", state, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _my_cards_html(request: HttpRequest, state: dict) -> None:
    """The phone's own cards, and the empty one phone.mjs fills for a card just sent, written in Python."""
    mine = phone_rows.MyCards(
        request,
        state["code"],
        columns=state["columns"],
        themes=state["themes"],
        editable=state["editable"],
        max_length=CARD_MAX_LENGTH,
        edit_card=state.get("edit_card"),
        edit_text=state.get("edit_text") or "",
        warning=state.get("warning") or "",
    )
    state["my_cards_html"] = mark_safe(mine.cards(state["my_cards"]))
    if state.get("card_template"):
        mine.edit_card = None
        state["my_card_template_html"] = mark_safe(mine.card(state["card_template"]))


def _place_refusal(state: dict, refusal: Refused) -> None:
    """Show a refused text in its form when the form is still on the page, else beside the message."""
    section = state["section"]
    card_form = state.get("card_form")
    edit_card = state.get("edit_card")
    in_add_form = card_form is not None and state.get("writing") and card_form.section.pk == section.pk
    in_edit_form = edit_card is not None and state.get("editable") and any(
        card.client_id == edit_card for card in state["my_cards"]
    )
    if not in_add_form:
        state.pop("card_form", None)
    if not in_edit_form:
        state.pop("edit_card", None)
    in_form = in_add_form or in_edit_form
    state["warning"] = refusal.message if refusal.confirm and in_form else ""
    state["show_refused_text"] = bool(state.get("refused_text")) and not in_form


@require_GET
@attendee_required
def phone(request: HttpRequest, attendee: Attendee) -> HttpResponse:
    return _render(request, attendee)


@require_GET
@attendee_required
def state(request: HttpRequest, attendee: Attendee) -> JsonResponse:
    response = JsonResponse(_state_json(_state(attendee)))
    response["Cache-Control"] = "no-store"
    return response


def _done(request: HttpRequest, attendee: Attendee, message: str, **data) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"ok": True, "message": message, **data})
    messages.success(request, message)
    return redirect("workshops:phone", code=attendee.workshop.join_code)


def _refused(request: HttpRequest, attendee: Attendee, refusal: Refused, **page) -> HttpResponse:
    """The write was not taken: say why, and give the participant their text back."""
    if wants_json(request):
        body = {"ok": False, "message": refusal.message, "confirm": refusal.confirm}
        return JsonResponse(body, status=refusal.status)
    return _render(request, attendee, status=refusal.status, refusal=refusal, **page)


def _invalid(form) -> Refused:
    first = next(iter(form.errors.values()))[0]
    return Refused(first, status=422)


@require_POST
@attendee_required
def card_add(request: HttpRequest, attendee: Attendee) -> HttpResponse:
    section, headings = cards.board_to_write_on(attendee, request.POST.get("section", ""))
    if section is None:
        return _refused(request, attendee, Refused(_("We cannot find that part of the workshop."), status=404))
    form = CardForm(request.POST, section=section, headings=headings)
    text = request.POST.get("text", "")
    page = {"card_form": form, "refused_text": text}
    if not form.is_valid():
        return _refused(request, attendee, _invalid(form), **page)
    data = form.cleaned_data
    try:
        card = cards.card_add(
            attendee=attendee,
            section=section,
            client_id=data["client_id"],
            text=data["text"],
            column=data.get("column"),
            theme=data.get("theme"),
            confirmed=data["confirmed"],
        )
    except Refused as refusal:
        return _refused(request, attendee, refusal, **page)
    return _done(request, attendee, _("Your card has been sent."), client_id=str(card.client_id), card=_card_json(card))


@require_POST
@attendee_required
def card_edit(request: HttpRequest, attendee: Attendee, card: uuid.UUID) -> HttpResponse:
    own = Card.objects.select_related("section").filter(client_id=card, attendee=attendee).first()
    if own is None:
        return _refused(request, attendee, cards.not_found())
    form = CardForm(request.POST, section=own.section, edit=True)
    page = {"edit_card": own.client_id, "edit_text": request.POST.get("text", ""), "refused_text": request.POST.get("text", "")}
    if not form.is_valid():
        return _refused(request, attendee, _invalid(form), **page)
    data = form.cleaned_data
    changes = {key: data[key] for key in ("column", "theme") if key in form.fields and key in request.POST}
    if changes.get("column", True) is None:
        del changes["column"]  # a card keeps its column unless another is chosen
    try:
        edited = cards.card_edit(
            attendee=attendee, card_id=own.client_id, text=data["text"], confirmed=data["confirmed"], **changes
        )
    except Refused as refusal:
        return _refused(request, attendee, refusal, **page)
    return _done(
        request,
        attendee,
        _("Your card has been changed."),
        client_id=str(data["client_id"] or ""),
        card=_card_json(edited),
    )


@require_POST
@attendee_required
def card_delete(request: HttpRequest, attendee: Attendee, card: uuid.UUID) -> HttpResponse:
    try:
        cards.card_delete(attendee=attendee, card_id=card)
    except Refused as refusal:
        return _refused(request, attendee, refusal)
    message = _("Your card has been deleted.")
    return _done(request, attendee, message, client_id=request.POST.get("client_id", ""), card={"id": str(card)})


def _vote_id(request: HttpRequest) -> uuid.UUID:
    """The id the phone gave its vote (a vote sent twice is counted once)."""
    try:
        return uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        raise Refused(_("The vote could not be read. Reload the page."), status=400) from None


@require_POST
@attendee_required
def vote(request: HttpRequest, attendee: Attendee, card: uuid.UUID) -> HttpResponse:
    try:
        client_id = _vote_id(request)
        vote = cards.vote_cast(attendee=attendee, card_id=card, client_id=client_id)
    except Refused as refusal:
        return _refused(request, attendee, refusal)
    left, mine = cards.votes_left_and_mine(attendee, vote.card)
    message = _("Your vote has been counted.")
    return _done(request, attendee, message, client_id=str(client_id), card={"id": str(card)}, votes_left=left, my_votes=mine)


@require_POST
@attendee_required
def vote_withdraw(request: HttpRequest, attendee: Attendee, card: uuid.UUID) -> HttpResponse:
    """Take back one of my votes on a card (a wrong tap, a change of mind) while voting is open."""
    try:
        client_id = _vote_id(request)
        voted = cards.vote_withdraw(attendee=attendee, card_id=card, client_id=client_id)
    except Refused as refusal:
        return _refused(request, attendee, refusal)
    left, mine = cards.votes_left_and_mine(attendee, voted)
    message = _("Your vote has been taken back.")
    return _done(request, attendee, message, client_id=str(client_id), card={"id": str(card)}, votes_left=left, my_votes=mine)


@require_POST
@attendee_required
def ratings(request: HttpRequest, attendee: Attendee) -> HttpResponse:
    statements = Statement.objects.filter(
        section__workshop=attendee.workshop, section__kind=SectionKind.RATING
    ).select_related("section")
    form = RatingsForm(request.POST, statements=statements)
    if not form.is_valid():
        return _refused(request, attendee, _invalid(form))
    given = form.ratings()
    if not given:
        return _refused(request, attendee, Refused(_("Choose a rating for at least one statement."), status=422))
    if limits.writes_used_up("rating", attendee.pk):
        message = _("You have saved your ratings many times in a short time. Wait a minute, then save again.")
        return _refused(request, attendee, Refused(message, status=429))
    try:
        for statement, value, client_id in given:
            statement.section.workshop = attendee.workshop
            cards.rating_set(attendee=attendee, statement=statement, client_id=client_id, value=value)
    except Refused as refusal:
        return _refused(request, attendee, refusal)
    limits.count_write("rating", attendee.pk)
    return _done(request, attendee, _("Your ratings have been saved."), client_id=str(form.cleaned_data["client_id"]))
