"""Forankring's pages of the page registry."""

from collections.abc import Callable

from tests.pages.naming import reverse
from tests.pages.page import EDITORS, READERS, Page, World, deletion, world_url

from samskab.anchoring.models import AnchoringMeasure


def _measure(name: str) -> Callable[[World], str]:
    """A URL about the demo forløb's own anchoring measure, made the first time it is asked for."""

    def url(world: World) -> str:
        measure, _created = AnchoringMeasure.objects.get_or_create(
            process=world.process, key="", title="Fast punkt på personalemødet"
        )
        return reverse(name, args=[measure.pk])

    return url


PAGES: list[Page] = [
    # Forankring: read by every reader of the forløb, kept by its editors.
    Page("anchoring", world_url("anchoring", "process"), audience=READERS),
    Page("anchoring_measure_create", world_url("anchoring_measure_create", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("anchoring_measure_edit", _measure("anchoring_measure_edit"), audience=EDITORS, invalid={"title": ""}),
    *deletion("anchoring_measure_delete", _measure("anchoring_measure_delete"), EDITORS),
    Page("anchoring_check", world_url("anchoring_check", "evaluation_round"), audience=READERS),
    Page("anchoring_check_edit", world_url("anchoring_check_edit", "evaluation_round"), audience=EDITORS, invalid={"threshold": "9"}),
    Page(
        "anchoring_check_from_workshop",
        world_url("anchoring_check_from_workshop", "evaluation_round"),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
    Page(
        "anchoring_suggestion_accept",
        lambda w: reverse("anchoring:anchoring_suggestion_accept", args=[w.evaluation_round.pk, "leadership_support"]),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
]
