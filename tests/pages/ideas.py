"""The idea the page registry's walks open (registry.py, `# --- ideas ---`)."""

import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from tests.pages.naming import reverse

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
