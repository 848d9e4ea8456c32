"""Where the method could be used next: the municipal list of ideas, its triage, and starting a
forløb from an idea. Ideas come from approved referater ("next" transfer cards) and from forløb
decisions "udbred til andre enheder"."""

import re
import uuid
from html import unescape

import pytest
from django.urls import reverse
from django.utils.html import escape

from samskab.decisions.models import ProcessDecision, ProcessDecisionKind
from samskab.ideas.models import Idea, IdeaOrigin, IdeaStatus
from samskab.organisations.models import MedCommittee, Organisation, Unit, UnitKind
from samskab.processes.models import Participant, Process, Step
from samskab.workshops.models import Card, Minutes, HeadingKind
from tests.helpers import assert_form_error, html, submission, today
from tests.minutes_helpers import HIDDEN, TRANSFER, hold_workshop

NEXT = "Vagtplanlægningen kunne være næste udfordring"
NEXT_HIDDEN = "Bente i planlægningen er umulig at samarbejde med"
RATIONALE = "Tavlemøderne og skabelonen virker: Hjemmeplejen Syd vil gerne i gang."
LIST = "/ideer/"


def _next_card(workshop, text: str, *, hidden: bool = False) -> Card:
    section = workshop.sections.get(headings__key="next")
    column = section.headings.get(kind=HeadingKind.COLUMN, key="next")
    return Card.objects.create(client_id=uuid.uuid4(), section=section, column=column, text=text, hidden=hidden)


def _minutes_url(workshop, action: str = "") -> str:
    return f"/workshops/{workshop.pk}/referat/{action}"


def _approve(client_as, workshop) -> None:
    assert client_as("konsulent").post(_minutes_url(workshop, "godkend/")).status_code == 302
    assert Minutes.objects.get(workshop=workshop).is_approved


def _reopen(client_as, workshop) -> None:
    assert client_as("konsulent").post(_minutes_url(workshop, "kladde/"), {"confirm": "on"}).status_code == 302
    assert not Minutes.objects.get(workshop=workshop).is_approved


@pytest.fixture
def held(demo):
    held = hold_workshop(demo)
    _next_card(held.workshop, NEXT)
    _next_card(held.workshop, NEXT_HIDDEN, hidden=True)
    return held


def _decide(client, evaluation_round, kind=ProcessDecisionKind.SPREAD, rationale=RATIONALE):
    url = reverse("decisions:process_decision", args=[evaluation_round.pk])
    page = client.get(url)
    existing = ProcessDecision.objects.filter(round=evaluation_round).first()
    data = {
        "kind": kind,
        "rationale": rationale,
        "decided_by": Participant.objects.get(process=evaluation_round.process, user__username="leder").pk,
        "decided_on": today().isoformat(),
    }
    if existing is None:
        data["submission"] = submission(page)
    else:
        data["version"] = existing.version
    assert client.post(url, data).status_code == 302


@pytest.fixture
def spread(demo, client_as) -> Idea:
    """An idea from Hjemmeplejen Nord's decision to spread the method."""
    _decide(client_as("konsulent"), demo.rounds.get())
    return Idea.objects.get(origin=IdeaOrigin.SPREAD_DECISION)


def _in_main_committee(personas, username: str = "med"):
    MedCommittee.objects.get(name="Hovedudvalget").members.add(personas[username])


# Collection.


def test_approving_the_referat_brings_its_next_cards_but_not_hidden_or_elsewhere_ones(held, client_as):
    central = client_as("central")
    assert NEXT not in html(central.get(LIST))  # a draft gives nothing
    _approve(client_as, held.workshop)
    page = html(central.get(LIST))
    assert escape(NEXT) in page
    assert escape(NEXT_HIDDEN) not in page and escape(HIDDEN) not in page
    assert escape(TRANSFER) not in page  # the "elsewhere" column is the erfaringsbank's, not an idea
    idea = Idea.objects.get(text=NEXT)
    assert (idea.unit, idea.process, idea.round, idea.date) == (
        held.workshop.round.process.unit,
        held.workshop.round.process,
        held.workshop.round,
        held.workshop.date,
    )
    assert idea.origin == IdeaOrigin.TRANSFER_CARD and idea.status == IdeaStatus.NEW
    # Where it came from, with a link to the forløb the central konsulent may see.
    assert "Hjemmeplejen Nord" in page and f'href="/forloeb/{idea.process_id}/"' in page


def test_reopening_unlists_and_approving_again_keeps_the_triage(held, client_as):
    _approve(client_as, held.workshop)
    idea = Idea.objects.get(text=NEXT)
    central = client_as("central")
    response = central.post(
        reverse("ideas:idea_triage", args=[idea.pk]), {"status": IdeaStatus.ASSESSING, "note": "Tal med planlæggerne", "version": idea.version}
    )
    assert response.status_code == 302
    _reopen(client_as, held.workshop)
    assert escape(NEXT) not in html(central.get(LIST))
    assert central.get(reverse("ideas:idea_triage", args=[idea.pk])).status_code == 404  # unlisted
    _approve(client_as, held.workshop)
    page = html(central.get(LIST))
    assert escape(NEXT) in page and "Tal med planlæggerne" in page
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ASSESSING and idea.listed
    assert Idea.objects.filter(text=NEXT).count() == 1


def test_a_card_hidden_while_the_referat_is_a_draft_again_leaves_the_list(held, client_as):
    _approve(client_as, held.workshop)
    _reopen(client_as, held.workshop)
    card = Card.objects.get(text=NEXT)
    assert client_as("konsulent").post(f"/referat/kort/{card.pk}/skjul/", {"hidden": "1"}).status_code == 302
    _approve(client_as, held.workshop)
    assert not Idea.objects.filter(text=NEXT).exists()
    assert escape(NEXT) not in html(client_as("central").get(LIST))


def test_a_spread_decision_is_an_idea_until_it_is_changed_to_another_kind(demo, client_as):
    client = client_as("konsulent")
    evaluation_round = demo.rounds.get()
    _decide(client, evaluation_round)
    idea = Idea.objects.get(origin=IdeaOrigin.SPREAD_DECISION)
    assert (idea.text, idea.unit, idea.process, idea.round) == (RATIONALE, demo.unit, demo, evaluation_round)
    assert escape(RATIONALE) in html(client_as("central").get(LIST))
    _decide(client, evaluation_round, kind=ProcessDecisionKind.NEW_ROUND)
    assert not Idea.objects.filter(origin=IdeaOrigin.SPREAD_DECISION).exists()
    _decide(client, evaluation_round, rationale="Syd og Vest vil i gang")
    assert Idea.objects.get(origin=IdeaOrigin.SPREAD_DECISION).text == "Syd og Vest vil i gang"


def test_a_triaged_spread_idea_stays_when_the_decision_changes(spread, demo, client_as):
    client_as("central").post(
        reverse("ideas:idea_triage", args=[spread.pk]), {"status": IdeaStatus.NOT_NOW, "note": "Efter budgettet", "version": spread.version}
    )
    _decide(client_as("konsulent"), demo.rounds.get(), kind=ProcessDecisionKind.HAND_OVER)
    assert Idea.objects.get(pk=spread.pk).status == IdeaStatus.NOT_NOW


def test_the_demo_list_has_the_solsikken_idea_and_not_its_hidden_card(demo, client_as):
    page = html(client_as("central").get(LIST))
    assert "Madordningens bestillinger" in page and "Kasper" not in page


# Triage and filters.


def test_triage_and_the_filters(spread, client_as):
    central = client_as("central")
    url = reverse("ideas:idea_triage", args=[spread.pk])
    assert central.get(url).status_code == 200
    response = central.post(url, {"status": IdeaStatus.NOT_NOW, "note": "Vent til efter budgettet", "version": spread.version})
    assert response.status_code == 302
    spread.refresh_from_db()
    assert spread.status == IdeaStatus.NOT_NOW and spread.note == "Vent til efter budgettet"
    assert spread.triaged_by.username == "central" and spread.triaged_at is not None
    assert escape(RATIONALE) in html(central.get(LIST, {"status": IdeaStatus.NOT_NOW}))
    assert escape(RATIONALE) not in html(central.get(LIST, {"status": IdeaStatus.NEW}))
    assert escape(RATIONALE) in html(central.get(LIST, {"origin": IdeaOrigin.SPREAD_DECISION}))
    page = html(central.get(LIST, {"origin": IdeaOrigin.TRANSFER_CARD}))
    assert escape(RATIONALE) not in page and "Madordningens bestillinger" in page
    assert central.get(LIST, {"status": "'; DROP TABLE", "origin": "x" * 500}).status_code == 200  # ignored


def test_bad_triage_input_comes_back_with_a_message_and_what_was_typed(spread, client_as):
    url = reverse("ideas:idea_triage", args=[spread.pk])
    response = client_as("central").post(url, {"status": "", "note": "Min note, der ikke må gå tabt", "version": spread.version})
    assert_form_error(response, "status")
    assert "Min note, der ikke må gå tabt" in html(response)
    long_note = "Tal med lederen i Syd. " * 200
    response = client_as("central").post(url, {"status": IdeaStatus.ASSESSING, "note": long_note, "version": spread.version})
    assert_form_error(response, "note")
    assert escape(long_note.strip()) in html(response)  # kept whole, not cut off
    # "Started as a process" is set by starting one, not by hand.
    response = client_as("central").post(url, {"status": IdeaStatus.STARTED, "note": "", "version": spread.version})
    assert_form_error(response, "status")
    assert Idea.objects.get(pk=spread.pk).status == IdeaStatus.NEW


def test_two_people_triaging_at_once_do_not_overwrite_each_other(spread, client_as):
    url = reverse("ideas:idea_triage", args=[spread.pk])
    seen = spread.version
    client_as("central").post(url, {"status": IdeaStatus.ASSESSING, "note": "Første", "version": seen})
    response = client_as("central").post(url, {"status": IdeaStatus.NOT_NOW, "note": "Anden", "version": seen})
    assert response.status_code == 200 and "Første" in html(response) and "Anden" in html(response)
    assert Idea.objects.get(pk=spread.pk).note == "Første"


# Start as forløb.


def test_starting_a_process_at_another_unit_links_both_ways_and_happens_once(spread, demo, client_as):
    central = client_as("central")
    url = reverse("ideas:idea_start", args=[spread.pk])
    form = central.get(url)
    page = html(form)
    assert escape(RATIONALE) in page  # title and purpose prefilled from the idea
    assert re.search(r'<textarea[^>]*name="purpose"[^>]*>[^<]*' + re.escape(escape(RATIONALE)), page)
    south = Unit.objects.get(name="Hjemmeplejen Syd")
    data = {
        "submission": submission(form),
        "unit": south.pk,
        "title": "Tavlemøder i Hjemmeplejen Syd",
        "purpose": "Fra idéen: tavlemøder",
        "start_date": today().isoformat(),
    }
    before = Process.objects.count()
    response = central.post(url, data)
    assert response.status_code == 302
    process = Process.objects.get(title="Tavlemøder i Hjemmeplejen Syd")
    assert response["Location"] == process.get_absolute_url()
    assert process.unit == south and process.step == Step.INTRO
    assert process.participants.filter(user__username="central").exists()
    spread.refresh_from_db()
    assert spread.status == IdeaStatus.STARTED and spread.started_process == process
    # The new forløb says where it came from; the list links to it.
    process_page = html(central.get(process.get_absolute_url()))
    assert "Hjemmeplejen Nord" in process_page and escape(RATIONALE) in process_page
    assert "Hjemmeplejen Nord" in html(client_as("leder-syd").get(process.get_absolute_url()))
    assert f'href="/forloeb/{process.pk}/"' in html(central.get(LIST))
    # A second submit (and a fresh form) makes no second forløb.
    assert central.post(url, data)["Location"] == process.get_absolute_url()
    assert central.post(url, {**data, "submission": str(uuid.uuid4())})["Location"] == process.get_absolute_url()
    assert Process.objects.count() == before + 1
    # An untouched forløb says nothing about ideas.
    assert "samskab-started-from" not in html(central.get(demo.get_absolute_url()))


def test_bad_start_input_comes_back_with_messages_and_what_was_typed(spread, client_as):
    central = client_as("central")
    url = reverse("ideas:idea_start", args=[spread.pk])
    form = central.get(url)
    data = {"submission": submission(form), "unit": "", "title": "", "purpose": "Min egen formulering", "start_date": "32-13-2026"}
    response = central.post(url, data)
    assert_form_error(response, "unit")
    assert_form_error(response, "title")
    assert_form_error(response, "start_date")
    assert "Min egen formulering" in html(response)
    nabo_unit = Unit.objects.create(
        organisation=Organisation.objects.create(name="Anden Kommune", slug="anden"), name="Rådhuset", kind=UnitKind.MUNICIPALITY
    )
    response = central.post(url, {**data, "unit": nabo_unit.pk, "title": "X", "start_date": today().isoformat()})
    assert_form_error(response, "unit")
    assert not Process.objects.filter(title="X").exists()
    assert Idea.objects.get(pk=spread.pk).started_process is None


# Access.


def test_a_member_of_the_main_committee_reads_the_list_but_may_not_triage_or_start(spread, personas, client_as):
    _in_main_committee(personas)
    med = client_as("med")
    page = html(med.get(LIST))
    assert escape(RATIONALE) in page and 'href="/ideer/"' in page  # in the menu too
    assert reverse("ideas:idea_triage", args=[spread.pk]) not in page
    assert med.get(reverse("ideas:idea_triage", args=[spread.pk])).status_code == 403
    assert med.post(reverse("ideas:idea_triage", args=[spread.pk]), {"status": IdeaStatus.NOT_NOW, "version": 1}).status_code == 403
    assert med.get(reverse("ideas:idea_start", args=[spread.pk])).status_code == 403
    assert Idea.objects.get(pk=spread.pk).status == IdeaStatus.NEW


@pytest.mark.parametrize("who", ["konsulent", "leder", "medarbejder", "med", "leder-syd", "admin"])
def test_everyone_else_gets_404(spread, client_as, who):
    client = client_as(who)
    assert client.get(LIST).status_code == 404
    assert client.get(reverse("ideas:idea_triage", args=[spread.pk])).status_code == 404
    assert client.post(reverse("ideas:idea_start", args=[spread.pk]), {"title": "X"}).status_code == 404
    assert 'href="/ideer/"' not in html(client.get("/"))


def test_another_municipality_sees_nothing_of_demo_kommune(spread, client_as):
    nabo = client_as("nabo")  # central konsulent of Nabo Kommune
    page = html(nabo.get(LIST))
    assert escape(RATIONALE) not in page and "Madordningens" not in page
    assert nabo.get(reverse("ideas:idea_triage", args=[spread.pk])).status_code == 404
    assert nabo.get(reverse("ideas:idea_start", args=[spread.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(spread, client):
    assert client.get(LIST).status_code == 302
    assert client.get(reverse("ideas:idea_start", args=[spread.pk])).status_code == 302


def test_a_forloeb_started_from_a_decision_to_spread_is_not_titled_with_the_leaders_reasons(spread, demo, client_as):
    page = html(client_as("central").get(reverse("ideas:idea_start", args=[spread.pk])))
    title = re.search(r'<input[^>]*name="title"[^>]*value="([^"]*)"', page).group(1)
    assert RATIONALE not in unescape(title)
    assert demo.title in unescape(title)
