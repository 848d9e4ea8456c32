"""Helpers for the tests of the participant's phone: a running workshop, joining it, sending as the outbox does."""

import uuid

import pytest
from django.test import Client

from samskab.workshops.joining import cookie_name
from samskab.workshops.models import Attendee, Section, SectionKind, Workshop, WorkshopStatus

# What assets/phone/phone.mjs sends with every write: it wants JSON back.
JSON = {"HTTP_ACCEPT": "application/json"}


def demo_workshop(process) -> Workshop:
    return Workshop.objects.get(round__process=process)


@pytest.fixture
def workshop(demo) -> Workshop:
    """The demo's workshop; a test module takes it (and `board`, `phone`) by importing them from here."""
    return demo_workshop(demo)


@pytest.fixture
def board(workshop) -> Section:
    """The workshop running on its learning board."""
    return run(workshop)


@pytest.fixture
def phone(workshop, board) -> Client:
    """A participant's phone, joined to the workshop running on its board."""
    return joined_phone(workshop)


def joined_phone(workshop: Workshop) -> Client:
    """A new phone that has joined the workshop (see `join`)."""
    client = Client()
    join(client, workshop)
    return client


def learning_board(workshop: Workshop) -> Section:
    return workshop.sections.get(kind=SectionKind.BOARD, order=1)


def run(workshop: Workshop, section: Section | None = None, **section_fields) -> Section:
    """Start the workshop on a section (the learning board unless another is given)."""
    section = section or learning_board(workshop)
    if section_fields:
        for name, value in section_fields.items():
            setattr(section, name, value)
        section.save()
    workshop.status = WorkshopStatus.RUNNING
    workshop.joining_open = True
    workshop.current_section = section
    workshop.save()
    return section


def join(client: Client, workshop: Workshop, **data) -> Attendee:
    """Join the workshop as a phone does, and return the attendee its cookie names."""
    response = client.post(f"/w/{workshop.join_code}/", data)
    assert response.status_code == 302, response.content.decode()[:500]
    signed = client.cookies[cookie_name(workshop)].value  # token:timestamp:signature
    return Attendee.objects.get(token=signed.split(":")[0])


def card_data(section: Section, text: str = "Tavlemøderne gav ro", **overrides) -> dict:
    data = {
        "section": section.pk,
        "client_id": str(uuid.uuid4()),
        "column": section.headings.filter(kind="kolonne").first().pk,
        "text": text,
    }
    data.update(overrides)
    return data


def phone_url(workshop: Workshop, action: str = "deltag") -> str:
    return f"/w/{workshop.join_code}/{action}/"
