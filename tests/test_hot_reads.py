"""The phone's reads and inserts written in SQL give what the ORM gave."""

import uuid

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from samskab.workshops import hot_reads
from samskab.workshops.models import Attendee, Card, Heading, HeadingKind, Vote
from tests.phone_helpers import board, join, run, workshop  # noqa: F401  (fixtures)


@pytest.fixture
def attendee(workshop, board) -> Attendee:
    run(workshop, board)
    return join(Client(), workshop)


def test_the_attendee_is_found_by_code_and_token_with_its_workshop(attendee, workshop):
    found = hot_reads.attendees_by_code(workshop.join_code, ["not-a-token", attendee.token])
    assert [a.pk for a in found] == [attendee.pk]
    assert found[0].workshop.pk == workshop.pk and found[0].workshop.join_code == workshop.join_code
    assert found[0].__dict__.keys() >= {"token", "on_paper", "joined_at"}
    assert hot_reads.attendees_by_code("ZZZZZZ", [attendee.token]) == []
    assert hot_reads.attendees_by_code(workshop.join_code, []) == []


def test_the_boards_headings_come_in_the_orms_order_with_one_section(attendee, board, workshop):
    headings = hot_reads.board_headings(board.pk, workshop.pk)
    assert [h.pk for h in headings] == [h.pk for h in Heading.objects.filter(section=board)]
    assert len({id(h.section) for h in headings}) == 1 and headings[0].section.phase == board.phase
    assert hot_reads.board_headings(board.pk, workshop.pk + 1000) == []


def test_a_card_is_inserted_as_create_would_and_a_repeated_id_is_refused(attendee, board):
    client_id = uuid.uuid4()
    card = hot_reads.insert(Card(client_id=client_id, section=board, attendee=attendee, text="Ro i hverdagen"))
    stored = Card.objects.get(pk=card.pk)
    assert (stored.client_id, stored.section_id, stored.attendee_id, stored.text, stored.hidden) == (
        client_id, board.pk, attendee.pk, "Ro i hverdagen", False
    )  # fmt: skip
    assert stored.created_at == card.created_at and stored.created_at.minute == 0  # to the hour, as the field keeps it
    assert not card._state.adding
    with pytest.raises(IntegrityError), transaction.atomic():
        hot_reads.insert(Card(client_id=client_id, section=board, attendee=attendee, text="igen"))


def test_a_visible_card_is_found_with_its_section_and_a_hidden_one_is_not(attendee, board, workshop):
    card = Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=attendee, text="Synligt")
    found = hot_reads.visible_card(card.client_id, workshop.pk)
    assert found.pk == card.pk and found.section.pk == board.pk and found.client_id == card.client_id
    assert hot_reads.visible_card(card.client_id, workshop.pk + 1000) is None
    Card.objects.filter(pk=card.pk).update(hidden=True)
    assert hot_reads.visible_card(card.client_id, workshop.pk) is None


def test_a_vote_is_inserted(attendee, board):
    card = Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=attendee, text="Stem på mig")
    vote = hot_reads.insert(Vote(client_id=uuid.uuid4(), card=card, attendee=attendee))
    assert Vote.objects.get(pk=vote.pk).card_id == card.pk


def test_my_cards_come_as_the_orm_gave_them_with_column_and_theme(attendee, board, workshop):
    column = Heading.objects.filter(section=board, kind=HeadingKind.COLUMN).first()
    mine = [
        Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=attendee, text="Med kolonne", column=column),
        Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=attendee, text="Uden"),
    ]
    other = join(Client(), workshop)
    Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=other, text="Ikke min")
    found = hot_reads.my_cards(board, attendee)
    expected = list(board.cards.filter(attendee=attendee).select_related("column", "theme"))
    assert [c.pk for c in found] == [c.pk for c in expected] == [c.pk for c in mine]
    assert found[0].column.text == column.text and found[0].theme is None and found[1].column is None
    assert hot_reads.section(board.pk).title == board.title and hot_reads.section(board.pk + 1000) is None


def test_my_votes_are_counted_per_card_of_the_section(attendee, board, workshop):
    cards = [Card.objects.create(client_id=uuid.uuid4(), section=board, attendee=attendee, text=f"K{n}") for n in range(3)]
    for card in (cards[0], cards[0], cards[1]):
        Vote.objects.create(client_id=uuid.uuid4(), card=card, attendee=attendee)
    Vote.objects.create(client_id=uuid.uuid4(), card=cards[2], attendee=join(Client(), workshop))
    assert hot_reads.my_votes(board, attendee) == {cards[0].client_id: 2, cards[1].client_id: 1}


def test_nothing_listens_for_a_card_or_vote_being_saved():
    """hot_reads.insert stores a card or vote without Model.save, so without its signals: were
    a receiver added for either (an audit, a history), this fails and insert must send them."""
    from django.db.models.signals import post_save, pre_save

    for model in (Card, Vote):
        for signal in (pre_save, post_save):
            assert not signal.has_listeners(model), f"{signal} has a receiver for {model.__name__}"
