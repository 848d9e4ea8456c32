"""Two rounds of a forløb side by side: statuses then and now, decisions, actions done, the anchoring trend."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse

from samskab.anchoring.services import anchoring_check_save
from samskab.decisions.models import Decision, DecisionKind
from samskab.processes.models import FollowUp, Participant, Process, Solution, SolutionStatus
from samskab.rounds.models import Action, ActionStatus
from samskab.workshops import services
from tests.helpers import html, row, today


def test_the_comparison_shows_what_changed_between_two_rounds(demo, client_as):
    first = demo.rounds.get(status="aaben")
    solution = Solution.objects.filter(challenge__process=demo).first()
    leader = Participant.objects.get(process=demo, user__username="leder")
    FollowUp.objects.create(solution=solution, date=today() - timedelta(days=1), status=SolutionStatus.STALLED, happened="Hænger")
    Decision.objects.create(
        solution=solution, round=first, kind=DecisionKind.ADJUST, rationale="Justér", decided_by=leader, decided_on=today()
    )
    Action.objects.create(round=first, what="A", status=ActionStatus.DONE)
    Action.objects.create(round=first, what="B", status=ActionStatus.DROPPED)
    anchoring_check_save(evaluation_round=first, scores={"competences": (Decimal("2.0"), None)}, from_workshop=False, by=None)
    second = services.round_start(process=demo, by=None)  # closes the first round today
    FollowUp.objects.create(solution=solution, date=today(), status=SolutionStatus.IMPLEMENTED, happened="Virker")
    anchoring_check_save(evaluation_round=second, scores={"competences": (Decimal("3.5"), None)}, from_workshop=False, by=None)

    page = client_as("med").get(reverse("comparison:comparison", args=[demo.pk]))
    assert page.status_code == 200
    line = row(page, solution.title)
    assert "hænger i bremsen" in line and "implementeret" in line and "ændret" in line and "justeres" in line
    assert "Evalueringsrunde 1: 1 af 2 handlinger udført, 1 droppet" in html(page)
    assert "+1,5" in row(page, "kompetencerne")


def test_a_process_with_one_round_has_nothing_to_compare(demo, client_as):
    page = client_as("konsulent").get(reverse("comparison:comparison", args=[demo.pk]))
    assert "mindst to evalueringsrunder" in html(page)


def test_a_round_of_another_process_is_refused_with_a_message(demo, client_as):
    services.round_start(process=demo, by=None)
    foreign = services.round_start(process=Process.objects.exclude(pk=demo.pk).first(), by=None)
    page = client_as("konsulent").get(reverse("comparison:comparison", args=[demo.pk]), {"a": foreign.pk, "b": "x"})
    assert page.status_code == 200
    assert "Vælg en af forløbets runder." in html(page)


def test_a_round_compared_with_itself_is_refused_with_a_message(demo, client_as):
    first = demo.rounds.get()
    services.round_start(process=demo, by=None)
    page = client_as("konsulent").get(reverse("comparison:comparison", args=[demo.pk]), {"a": first.pk, "b": first.pk})
    assert "Vælg to forskellige runder" in html(page)
    assert "skiftede status" not in html(page)


def test_the_later_rounds_actions_count_those_its_plan_carries_over(demo, client_as):
    first = demo.rounds.get()
    for what in ("A", "B", "C"):
        Action.objects.create(round=first, what=what, status=ActionStatus.IN_PROGRESS)
    second = services.round_start(process=demo, by=None)
    page = html(client_as("med").get(reverse("comparison:comparison", args=[demo.pk])))
    assert f"{second}: 0 af 3 handlinger udført, 0 droppet" in page
