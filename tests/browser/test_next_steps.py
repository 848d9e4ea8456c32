"""Step 6 after the workshop, in the browser: decisions, the anchoring check and the plan.

The demo forløb has held its evaluation workshop (cards, ratings, lessons and an aftale, then closed).
The leader decides on each solution and on the forløb; the facilitator fills the anchoring check and
turns its warning into an action, and adds a row to the communication plan through the guided flow and
makes it an action. The actions then come from four sources, and "Mine handlinger" shows each owner
theirs. Half a year later the next round starts, a follow-up changes a solution's status, and the
comparison of the two rounds shows the change. Every page passes axe, at desktop and phone width (each
checked as shown, then resized to 375 px: tests/browser/conftest.py `violations_at_both_widths`).
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from samskab.anchoring.models import AnchoringCheck
from samskab.communication.models import CommunicationRow
from samskab.decisions.models import Decision, DecisionKind, ProcessDecision
from samskab.processes.models import Solution, SolutionStatus
from samskab.rounds.models import Action, EvaluationRound, RoundStatus
from samskab.workshops.models import Workshop
from samskab.workshops.template import ANCHORING_STATEMENTS
from tests.browser.conftest import press, violations_at_both_widths
from tests.minutes_helpers import ACTION as AFTALE
from tests.minutes_helpers import hold_workshop

pytestmark = pytest.mark.browser



def _today():
    return timezone.localdate()


def _yesterday():
    return _today() - timedelta(days=1)


ADJUSTED = "Fælles skabelon for besøgsnotater"
ADJUSTMENTS = ["Feltet 'observationer' gøres frivilligt", "Skabelonen gennemgås på næste personalemøde"]
REPLACED = "Dokumentation på tablet i borgerens hjem"
NEW_SOLUTION = "Dokumentation på mobilen uden netforbindelse"
FOLLOWED_UP = "Teamlederen godkender kørsel"
WEAK_ACTION = "Aftal ledernes rolle på næste MED-møde"
AUDIENCE = "Kollegerne i Hjemmeplejen Syd"
MESSAGE = "Tavlemøderne giver ro om morgenen, og skabelonen sparer tid."


@pytest.fixture
def held(live_world):
    """The demo workshop, held three days ago and closed (the demo plans it a week ahead)."""
    Workshop.objects.filter(round__process=live_world.process).update(date=_today() - timedelta(days=3))
    return hold_workshop(live_world.process)


def _danish(text) -> str:
    with translation.override("da"):
        return str(text)


def assert_accessible(tab: Page, username: str, where: str) -> None:
    """axe finds nothing on what the persona is shown, at desktop width and resized to 375 px."""
    found = violations_at_both_widths(tab)
    assert not found, f"{where} ({username})\n{found}"


def _decide(tab: Page, solution: Solution, kind: str, rationale: str, *, adjustments=(), new_title: str = "") -> None:
    """The leader opens the solution's "Analyse og beslut" and records the decision of round 1."""
    tab.goto(f"/loesninger/{solution.pk}/")
    tab.get_by_role("link", name="Analysér og beslut").click()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Analysér og beslut")
    expect(tab.locator("main .font-lead")).to_contain_text(solution.title)
    assert_accessible(tab, "leder", f"analysis of {solution.title}")
    tab.get_by_role("link", name="Beslut i Evalueringsrunde 1").click()
    tab.get_by_role("radio", name=kind, exact=True).check()
    tab.get_by_label("Begrundelse").fill(rationale)
    leader = solution.challenge.process.participants.get(user__username="leder")
    tab.get_by_label("Besluttet af").select_option(label=_danish(leader))
    tab.get_by_label("Besluttet den").fill(_yesterday().isoformat())
    tab.get_by_label("Drøftet i MED-udvalget").fill(_yesterday().isoformat())
    if adjustments:
        tab.get_by_label("Justeringer").fill("\n".join(adjustments))
    if new_title:
        tab.get_by_label("Titel på den nye løsning").fill(new_title)
    assert_accessible(tab, "leder", f"decision form for {solution.title}")
    tab.get_by_role("button", name="Gem").click()
    expect(tab.locator(".alert-success")).to_be_visible()
    expect(tab.get_by_role("heading", level=1)).to_have_text("Analysér og beslut")
    expect(tab.locator("main")).to_contain_text(rationale)


def test_from_the_workshop_to_decisions_actions_and_the_next_round(page_as, held):
    evaluation_round = held.workshop.round
    process = evaluation_round.process
    participants = {p.user.username: p for p in process.participants.select_related("user")}
    solutions = list(Solution.objects.filter(challenge__process=process).select_related("challenge__process"))

    # --- The leader decides on each solution, and on the forløb. ---
    leader = page_as("leder")
    for solution in solutions:
        if solution.title == ADJUSTED:
            _decide(leader, solution, "justeres", "Skabelonen virker, men ét felt volder besvær.", adjustments=ADJUSTMENTS)
        elif solution.title == REPLACED:
            _decide(
                leader, solution, "ny samskabt styringsløsning", "Dækningen er for dårlig til tablets.", new_title=NEW_SOLUTION
            )
        else:
            _decide(leader, solution, "videreføres", "Det virker; vi fortsætter som nu.")
    decisions = {d.solution.title: d for d in Decision.objects.filter(round=evaluation_round).select_related("solution")}
    assert len(decisions) == len(solutions) == 7
    assert decisions[ADJUSTED].kind == DecisionKind.ADJUST
    assert decisions[REPLACED].kind == DecisionKind.NEW
    assert decisions[REPLACED].new_solution.title == NEW_SOLUTION
    assert sum(d.kind == DecisionKind.CONTINUE for d in decisions.values()) == 5
    assert Solution.objects.get(title=REPLACED).status == SolutionStatus.STOPPED
    assert Solution.objects.get(title=ADJUSTED).status == SolutionStatus.TRIAL

    leader.goto(f"/runder/{evaluation_round.pk}/")
    leader.get_by_role("link", name="Beslutning om forløbet").click()
    leader.get_by_role("radio", name="ny runde", exact=True).check()
    leader.get_by_label("Begrundelse").fill("Metoden virker. Vi evaluerer igen om et halvt år.")
    leader.get_by_label("Besluttet af").select_option(label=_danish(participants["leder"]))
    leader.get_by_label("Besluttet den").fill(_yesterday().isoformat())
    leader.get_by_role("button", name="Gem").click()
    expect(leader.locator(".alert-success")).to_be_visible()
    # The page lists the decision on the forløb and those on each solution.
    for solution in solutions:
        expect(leader.get_by_role("link", name=solution.title, exact=True)).to_be_visible()
    assert_accessible(leader, "leder", "the round's decisions")
    assert ProcessDecision.objects.get(round=evaluation_round).kind == "ny_runde"

    # --- The facilitator fills the anchoring check; the weak statement becomes an action. ---
    facilitator = page_as("konsulent")
    facilitator.goto(f"/runder/{evaluation_round.pk}/")
    assert_accessible(facilitator, "konsulent", "round page")
    facilitator.get_by_role("link", name="Rundens forankringstjek").click()
    facilitator.wait_for_url("**/forankringstjek/")
    assert_accessible(facilitator, "konsulent", "anchoring check, empty")
    # First from the workshop's rating: two answers are too few to show (anonymity), five are enough.
    facilitator.get_by_role("button", name="Hent scorerne fra workshoppens vurdering").click()
    expect(facilitator.locator(".alert-success")).to_be_visible()
    rows = facilitator.locator("main table tbody tr")
    expect(rows.nth(0).locator("td").nth(2)).to_have_text("4,6")  # 5, 4, 5, 4, 5
    expect(rows.nth(1).locator("td").nth(2)).to_have_text("skjult: kun 2 svar")
    # Then the facilitator enters the scores agreed at the workshop.
    facilitator.get_by_role("link", name="Redigér scorerne").click()
    expect(facilitator.get_by_label(_danish(ANCHORING_STATEMENTS[0][1]))).to_have_value("4,6")  # a decimal comma
    expect(facilitator.get_by_label("Advarsel ved eller under")).to_have_value("2,0")
    scores = ["1,6", "3,4", "2,8", "4,0", "3,5", "4,2", "3,0", "4,5"]
    for (_key, text), score in zip(ANCHORING_STATEMENTS, scores, strict=True):
        facilitator.get_by_label(_danish(text)).fill(score)  # "… (frivilligt)"
    assert_accessible(facilitator, "konsulent", "anchoring check form")
    facilitator.get_by_role("button", name="Gem").click()
    expect(facilitator.locator(".alert-success")).to_be_visible()
    check = AnchoringCheck.objects.get(round=evaluation_round)
    assert {s.key: str(s.average) for s in check.scores.all()}["leadership_support"] == "1.6"
    # One statement is at or below the threshold (2): its suggested action can be edited.
    suggestion = facilitator.locator("section", has=facilitator.get_by_role("heading", name="udsagn 1"))
    expect(facilitator.locator("section.samskab-card")).to_have_count(1)
    assert_accessible(facilitator, "konsulent", "anchoring check with a warning")
    suggestion.get_by_label("Hvad skal gøres").fill(WEAK_ACTION)
    suggestion.get_by_label("Hvem").select_option(label=_danish(participants["leder"]))
    suggestion.get_by_label("Senest").fill((_today() + timedelta(days=30)).isoformat())
    press(facilitator, suggestion.get_by_role("button", name="Føj til handlingsplanen"))  # the page shows a success already
    expect(facilitator.locator(".alert-success")).to_be_visible()
    weak = Action.objects.get(what=WEAK_ACTION)
    assert weak.round == evaluation_round and weak.owner == participants["leder"]
    assert weak.source == check

    # --- The communication plan, one question at a time; the row becomes an action. ---
    facilitator.goto(f"/runder/{evaluation_round.pk}/")
    facilitator.get_by_role("link", name="Rundens kommunikationsplan").click()
    facilitator.wait_for_url("**/kommunikation/")
    assert_accessible(facilitator, "konsulent", "communication plan, empty")
    facilitator.get_by_role("link", name="Tilføj en række, ét spørgsmål ad gangen").click()
    answers = [
        ("Hvem skal vide det?", AUDIENCE, "fill"),
        ("Hvad er budskabet?", MESSAGE, "fill"),
        ("Hvorfor skal de vide det?", "Så de kan prøve det selv.", "fill"),
        ("Hvordan hører de det?", "Ambassadørbesøg", "fill"),
        ("Hvornår?", (_today() + timedelta(days=14)).isoformat(), "fill"),
        ("Hvem siger det?", _danish(participants["medarbejder"]), "select"),
        ("Hvordan ved vi, at det er nået frem?", "Spørgsmål på deres næste personalemøde.", "fill"),
    ]
    for number, (question, answer, how) in enumerate(answers, start=1):
        expect(facilitator.locator("main")).to_contain_text(f"Spørgsmål {number} af 7")
        field = facilitator.get_by_label(question)  # optional ones end "(frivilligt)"
        # One question at a time: the others travel along hidden.
        expect(facilitator.locator("main :is(input, textarea, select):visible")).to_have_count(1)
        if how == "select":
            field.select_option(label=answer)
        else:
            field.fill(answer)
        if number == 1:
            assert_accessible(facilitator, "konsulent", "communication guide, first question")
        if number < len(answers):
            facilitator.get_by_role("button", name="Næste spørgsmål").click()
    facilitator.get_by_role("button", name="Føj til planen").click()
    expect(facilitator.locator(".alert-success")).to_be_visible()
    row = CommunicationRow.objects.get(round=evaluation_round)
    assert (row.audience, row.message, row.sender) == (AUDIENCE, MESSAGE, participants["medarbejder"])
    in_plan = facilitator.locator("main tbody tr", has_text=AUDIENCE)
    expect(in_plan).to_contain_text("ambassadør")
    press(facilitator, in_plan.get_by_role("button", name="Gør den til en handling"))  # the page shows a success already
    expect(facilitator.locator(".alert-success")).to_be_visible()
    assert_accessible(facilitator, "konsulent", "communication plan with a row")
    told = Action.objects.get(source_type=ContentType.objects.get_for_model(CommunicationRow), source_id=row.pk)
    assert told.owner == participants["medarbejder"]

    # --- The action plan: an aftale, two adjustments, the forløb's decision, the warning and the plan row. ---
    actions = {action.what: action for action in Action.objects.filter(round=evaluation_round)}
    assert len(actions) == 6
    assert actions[AFTALE].section.workshop == held.workshop  # the aftale recorded in the workshop
    assert [actions[what].source for what in ADJUSTMENTS] == [decisions[ADJUSTED]] * 2
    assert actions["Planlæg næste evalueringsrunde"].source == ProcessDecision.objects.get()
    facilitator.goto(f"/runder/{evaluation_round.pk}/")
    facilitator.get_by_role("link", name="Rundens handlingsplan").click()
    facilitator.wait_for_url("**/handlingsplan/")
    plan = facilitator.locator("main table tbody")
    expect(plan.locator("tr")).to_have_count(6)
    for what in [AFTALE, *ADJUSTMENTS, WEAK_ACTION, told.what]:
        expect(plan).to_contain_text(what)
    assert_accessible(facilitator, "konsulent", "the round's action plan")

    leader.get_by_role("link", name="Mine handlinger").first.click()
    leader.wait_for_url("**/mine-handlinger/")
    mine = leader.locator("main table tbody")
    expect(mine.locator("tr")).to_have_count(5)  # all but the plan row, which the ambassador carries
    for what in [AFTALE, *ADJUSTMENTS, WEAK_ACTION]:
        expect(mine).to_contain_text(what)
    expect(mine).not_to_contain_text(told.what)
    assert_accessible(leader, "leder", "my actions")
    ambassador = page_as("medarbejder")
    ambassador.goto("/")
    ambassador.get_by_role("link", name="Mine handlinger").first.click()
    ambassador.wait_for_url("**/mine-handlinger/")
    expect(ambassador.locator("main table tbody tr")).to_have_count(1)
    expect(ambassador.locator("main table tbody")).to_contain_text(told.what)
    assert_accessible(ambassador, "medarbejder", "my actions")

    # --- Half a year later: the next round, a follow-up, and the comparison. ---
    facilitator.goto(f"/forloeb/{process.pk}/")
    facilitator.get_by_role("button", name="Start næste evalueringsrunde").click()
    expect(facilitator.get_by_role("heading", level=1)).to_have_text("Evalueringsrunde 2")
    second = EvaluationRound.objects.get(process=process, number=2)
    assert EvaluationRound.objects.get(pk=evaluation_round.pk).status == RoundStatus.CLOSED
    followed = Solution.objects.get(title=FOLLOWED_UP)
    assert followed.status == SolutionStatus.TRIAL
    facilitator.goto(f"/loesninger/{followed.pk}/")
    facilitator.get_by_text("Tilføj en opfølgning").click()
    facilitator.get_by_label("Dato").fill(_today().isoformat())
    facilitator.get_by_label("Status").select_option(label="implementeret")
    facilitator.get_by_label("Hvad er der sket?").fill("Økonomi har godkendt ordningen for fast.")
    facilitator.get_by_role("button", name="Gem opfølgning").click()
    expect(facilitator.locator(".alert-success")).to_be_visible()
    assert Solution.objects.get(pk=followed.pk).status == SolutionStatus.IMPLEMENTED

    facilitator.goto(f"/forloeb/{process.pk}/sammenlign/")
    expect(facilitator.get_by_label("Tidligere runde")).to_have_value(str(evaluation_round.pk))
    expect(facilitator.get_by_label("Senere runde")).to_have_value(str(second.pk))
    expect(facilitator.locator("main")).to_contain_text("1 løsning skiftede status")
    changed = facilitator.locator("main tbody tr", has=facilitator.get_by_role("link", name=FOLLOWED_UP))
    expect(changed.locator("td")).to_have_text([f"{FOLLOWED_UP} ændret", "afprøves", "implementeret", "videreføres", "–"])
    kept = facilitator.locator("main tbody tr", has=facilitator.get_by_role("link", name=ADJUSTED))
    expect(kept.locator("td")).to_have_text([ADJUSTED, "afprøves", "afprøves", "justeres", "–"])
    assert_accessible(facilitator, "konsulent", "comparison")
