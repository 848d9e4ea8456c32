"""The kommunikationsplan's pages of the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, READERS, Page, World, world_url

from samskab.communication.models import CommunicationRow


def _communication_row(name: str) -> Callable[[World], str]:
    """A URL about a row of the demo round's communication plan, made the first time it is asked for."""

    def url(world: World) -> str:
        row, _created = CommunicationRow.objects.get_or_create(
            round=world.evaluation_round,
            audience="Kolleger, der ikke deltog",
            defaults={"message": "Vi har droppet dobbeltregistreringen.", "channel": "Personalemøde"},
        )
        return reverse(name, args=[row.pk])

    return url


PAGES: list[Page] = [
    # Kommunikationsplan: read by every reader, kept by the editors.
    Page("communication", world_url("communication", "evaluation_round"), audience=READERS),
    Page("communication_row_create", world_url("communication_row_create", "evaluation_round"), audience=EDITORS, invalid={"audience": ""}),
    Page("communication_row_edit", _communication_row("communication_row_edit"), audience=EDITORS, invalid={"message": ""}),
    Page("communication_row_delete", _communication_row("communication_row_delete"), audience=EDITORS),
    Page("communication_row_action", _communication_row("communication_row_action"), audience=EDITORS, method="POST", ok=302),
    Page(
        "communication_row_delete:post",
        _communication_row("communication_row_delete"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
]
