"""The ideas' pages of the page registry, and the idea its walks open."""

import uuid
from collections.abc import Callable
from types import MappingProxyType

from django.contrib.contenttypes.models import ContentType
from tests.pages.naming import reverse
from tests.pages.page import Page

from samskab.ideas.models import Idea, IdeaOrigin
from samskab.workshops.models import Card, HeadingKind, SectionKind

WALK_CARD = uuid.UUID(int=5)


def idea_url(name: str) -> Callable:
    """A URL about an idea from the demo workshop's "next" column, made the first time it is asked for."""

    def url(world) -> str:
        column = (
            world.workshop.sections.get(kind=SectionKind.BOARD, headings__key="next")
            .headings.get(kind=HeadingKind.COLUMN, key="next")
        )
        card, _created = Card.objects.get_or_create(
            client_id=WALK_CARD,
            defaults={"section": column.section, "column": column, "text": "Tavlemøder i Hjemmeplejen Syd"},
        )
        idea, _created = Idea.objects.get_or_create(
            source_type=ContentType.objects.get_for_model(Card),
            source_id=card.pk,
            defaults={
                "organisation": world.organisation,
                "unit": world.unit,
                "process": world.process,
                "round": world.evaluation_round,
                "date": world.workshop.date,
                "text": card.text,
                "origin": IdeaOrigin.TRANSFER_CARD,
            },
        )
        return reverse(name, args=[idea.pk])

    return url


PAGES: list[Page] = [
    # The municipal list of ideas: central konsulenter and the MED-hovedudvalg (no demo persona sits
    # in it; tests/test_ideas.py covers its 200 on the list and 403 on triage). Everybody else 404.
    # nabo is the central konsulent of Nabo Kommune: they get their own municipality's list, without Demo's ideas.
    Page(
        "idea_list",
        lambda w: reverse("ideas:idea_list"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        overrides=MappingProxyType({"nabo": 200}),
    ),
    Page(
        "idea_triage",
        idea_url("idea_triage"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"note": "Tal med lederen i Syd. " * 200},  # longer than a note may be
    ),
    Page(
        "idea_start",
        idea_url("idea_start"),
        audience=frozenset({"central"}),
        seen_by=frozenset(),
        invalid={"title": "", "unit": ""},
    ),
]
