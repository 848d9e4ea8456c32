"""Analyse og beslut's pages of the page registry: the decisions on a solution and on the forløb."""

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, READERS, Page, World, world_url

from samskab.decisions.models import Decision, DecisionKind
from samskab.processes.models import Participant


def _decision(world: World) -> str:
    """The edit page of a decision on the demo solution in the open round, made the first time it is asked for."""
    decision = Decision.objects.filter(solution=world.solution).first()
    if decision is None:
        decision = Decision.objects.create(
            solution=world.solution,
            round=world.evaluation_round,
            kind=DecisionKind.CONTINUE,
            rationale="Målingerne viser færre dobbeltregistreringer.",
            decided_by=Participant.objects.get(process=world.process, user__username="leder"),
            decided_on=world.evaluation_round.opened_on,
        )
    return reverse("decisions:decision_edit", args=[decision.pk])


PAGES: list[Page] = [
    # Analyse og beslut: read by every reader, decided by the editors in the open round.
    Page("solution_analysis", world_url("solution_analysis", "solution"), audience=READERS),
    Page("decision_create", world_url("decision_create", "solution"), audience=EDITORS, invalid={"rationale": ""}),
    Page("decision_edit", _decision, audience=EDITORS, invalid={"rationale": ""}),
    Page("process_decision", world_url("process_decision", "evaluation_round"), audience=READERS),
    Page("round_decisions", world_url("round_decisions", "evaluation_round"), audience=READERS),
    Page(
        "process_decision:post",
        world_url("process_decision", "evaluation_round"),
        audience=EDITORS,
        method="POST",
        invalid={"rationale": ""},
    ),
]
