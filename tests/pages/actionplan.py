"""The handlingsplan's pages of the page registry."""

from collections.abc import Callable
from datetime import timedelta

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, LOGGED_IN, READERS, Page, World, deletion, world_url

from samskab.processes.models import Participant
from samskab.rounds.models import Action


def _action(name: str) -> Callable[[World], str]:
    """A URL about an action of the demo round owned by the medarbejder, made the first time it is asked for."""

    def url(world: World) -> str:
        action, _created = Action.objects.get_or_create(
            round=world.evaluation_round,
            what="Ny skabelon til besøgsnotater",
            defaults={
                "owner": Participant.objects.get(process=world.process, user__username="medarbejder"),
                "deadline": world.evaluation_round.opened_on + timedelta(days=60),
            },
        )
        return reverse(name, args=[action.pk])

    return url


PAGES: list[Page] = [
    # Handlingsplan: read by every reader; kept by the editors (and each action by its owner).
    Page("my_actions", lambda w: reverse("actionplan:my_actions"), audience=LOGGED_IN),
    Page("round_plan", world_url("round_plan", "evaluation_round"), audience=READERS),
    Page("round_plan_xlsx", world_url("round_plan_xlsx", "evaluation_round"), audience=READERS, html=False),
    Page("process_plan", world_url("process_plan", "process"), audience=READERS),
    Page("process_plan_xlsx", world_url("process_plan_xlsx", "process"), audience=READERS, html=False),
    Page("evaluation_ics", world_url("evaluation_ics", "process"), audience=READERS, html=False),
    Page("plan_action_create", world_url("plan_action_create", "evaluation_round"), audience=EDITORS, invalid={"what": ""}),
    Page("plan_action_edit", _action("plan_action_edit"), audience=EDITORS | {"medarbejder"}, invalid={"what": ""}),
    Page("action_ics", _action("action_ics"), audience=READERS, html=False),
    *deletion("plan_action_delete", _action("plan_action_delete"), EDITORS),
]
