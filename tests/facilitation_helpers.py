"""Shared set-up for the facilitation tests: the demo workshop running on its learning board."""

import uuid

from samskab.workshops.models import Attendee, Card, Phase, HeadingKind, Section, SectionKind, Vote, Workshop, WorkshopStatus


def running_board(process, phase: str = Phase.SHOW) -> Section:
    """The demo workshop, running, on its learning board in `phase`."""
    workshop = Workshop.objects.get(round__process=process)
    board = workshop.sections.get(kind=SectionKind.BOARD, order=1)
    workshop.status = WorkshopStatus.RUNNING
    workshop.joining_open = True
    workshop.current_section = board
    workshop.save()
    board.phase = phase
    board.save()
    return board


def close(workshop: Workshop) -> None:
    workshop.status = WorkshopStatus.CLOSED
    workshop.save(update_fields=["status"])


def column(section: Section, index: int = 0):
    return section.headings.filter(kind=HeadingKind.COLUMN)[index]


def theme(section: Section, index: int = 0):
    return section.headings.filter(kind=HeadingKind.THEME)[index]


def card(section: Section, text: str, **fields) -> Card:
    fields.setdefault("column", column(section))
    return Card.objects.create(client_id=uuid.uuid4(), section=section, text=text, **fields)


def votes(card: Card, count: int) -> list[Vote]:
    return [
        Vote.objects.create(
            client_id=uuid.uuid4(), card=card, attendee=Attendee.objects.create(workshop=card.section.workshop)
        )
        for _ in range(count)
    ]


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]] if response.context else []
