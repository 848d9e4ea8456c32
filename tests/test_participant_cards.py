"""The participant's phone: cards, edits, deletes, votes and ratings, each stored once per client id."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.utils.html import escape

from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound
from samskab.workshops import live, services
from samskab.workshops.models import CARD_MAX_LENGTH, Card, Phase, Rating, SectionKind, Vote, Workshop, WorkshopStatus
from tests.helpers import html, north_cards
from tests.phone_helpers import JSON, board, card_data, join, learning_board, phone, phone_url, run, workshop  # noqa: F401  (fixtures)


def add(client: Client, workshop: Workshop, data: dict, **headers):
    return client.post(phone_url(workshop, "kort"), data, **headers)


def edit_url(workshop: Workshop, card: Card, action: str = "rediger") -> str:
    return f"/w/{workshop.join_code}/kort/{card.client_id}/{action}/"


# The page.


def test_until_the_facilitator_chooses_a_section_the_phone_says_to_wait(workshop):
    run(workshop)
    workshop.current_section = None
    workshop.save(update_fields=["current_section"])
    client = Client()
    join(client, workshop)
    response = client.get(phone_url(workshop))
    assert response.status_code == 200
    assert response.context["section"] is None
    assert 'name="text"' not in html(response)


def test_the_phone_shows_the_current_board_its_phase_and_a_card_form(phone, workshop, board):
    response = phone.get(phone_url(workshop))
    page = html(response)
    assert response.context["section"] == board
    assert escape(board.title) in page
    assert escape(board.get_phase_display()) in page
    for heading in board.headings.all():
        assert escape(heading.text) in page  # columns to choose, themes to pick
    assert 'name="text"' in page
    assert 'aria-live="polite"' in page
    assert "phone/phone.mjs" in page


def test_a_status_round_asks_the_participants_to_follow_the_projector(phone, workshop):
    run(workshop, workshop.sections.get(kind=SectionKind.STATUS))
    response = phone.get(phone_url(workshop))
    assert response.context["section"].kind == SectionKind.STATUS
    assert "<form" not in html(response).split('id="phone"')[1]


# Cards.


def test_a_card_is_sent_without_javascript_and_shown_among_my_cards(phone, workshop, board):
    response = add(phone, workshop, card_data(board, "Tavlemøderne gav ro"))
    assert response.status_code == 302
    assert response.url == phone_url(workshop)
    card = north_cards().get()
    assert card.section == board
    assert card.column.kind == "kolonne"
    page = html(phone.get(response.url))
    assert "Tavlemøderne gav ro" in page
    assert card.client_id and str(card.client_id) in page  # its edit and delete forms


def test_the_same_client_id_twice_stores_one_card_and_answers_the_same(phone, workshop, board):
    data = card_data(board)
    first = add(phone, workshop, data, **JSON)
    again = add(phone, workshop, data, **JSON)
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json()
    assert first.json()["card"]["id"] == data["client_id"]
    assert north_cards().count() == 1
    assert add(phone, workshop, data).status_code == 302  # the form sent twice without JavaScript, too
    assert north_cards().count() == 1


def test_a_card_stored_before_the_board_was_locked_answers_its_repeat_as_stored(phone, workshop, board):
    data = card_data(board)
    first = add(phone, workshop, data, **JSON)
    run(workshop, board, locked=True)
    again = add(phone, workshop, data, **JSON)  # the answer to the first send was lost
    assert again.status_code == 200
    assert again.json() == first.json()
    assert Card.objects.filter(section=board).count() == 1


def test_a_card_is_written_in_a_fixed_number_of_queries(phone, workshop, board, django_assert_num_queries):
    # The write a whole room makes in the same second: the attendee with its workshop, the section
    # with its headings (one query), the insert, and the transaction's savepoint and release around it.
    data = card_data(board)
    with django_assert_num_queries(5):
        response = add(phone, workshop, data, **JSON)
    assert response.status_code == 200


def test_a_board_without_columns_or_themes_takes_a_card_without_them(phone, workshop, board):
    # Such a section is read on its own, not with its headings (cards.board_to_write_on).
    board.headings.all().delete()
    data = {"section": board.pk, "client_id": str(uuid.uuid4()), "text": "Uden kolonner"}
    response = add(phone, workshop, data, **JSON)
    assert response.status_code == 200, response.content
    assert Card.objects.get(section=board).column is None


def test_a_card_for_a_section_that_is_no_board_is_refused(phone, workshop, board):
    status = workshop.sections.get(kind=SectionKind.STATUS)
    data = {"section": status.pk, "client_id": str(uuid.uuid4()), "text": "Forkert sted"}
    assert add(phone, workshop, data, **JSON).status_code == 404
    assert add(phone, workshop, {**data, "section": "x1"}, **JSON).status_code == 404
    assert not Card.objects.filter(text__in=["Forkert sted"]).exists()


def test_html_in_a_card_is_shown_as_text(phone, workshop, board):
    add(phone, workshop, card_data(board, '<script>alert("hej")</script><b>fed</b>'))
    page = html(phone.get(phone_url(workshop)))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<b>fed</b>" not in page


def test_a_too_long_card_is_refused_with_its_limit_and_the_text_stays_on_the_screen(phone, workshop, board):
    text = "x" * (CARD_MAX_LENGTH + 1)
    response = add(phone, workshop, card_data(board, text), **JSON)
    assert response.status_code == 422
    assert str(CARD_MAX_LENGTH) in response.json()["message"]
    response = add(phone, workshop, card_data(board, text))
    assert response.status_code == 422
    assert f">{text}</textarea>" in html(response)
    assert not north_cards().exists()


def test_an_empty_card_is_refused(phone, workshop, board):
    assert add(phone, workshop, card_data(board, "   "), **JSON).status_code == 422
    assert not north_cards().exists()


def test_a_column_must_be_chosen_on_a_board_with_columns(phone, workshop, board):
    response = add(phone, workshop, card_data(board, column=""))
    assert response.status_code == 422
    assert "form-error-message" in html(response)
    assert not north_cards().exists()


@pytest.mark.parametrize("change", ["locked", "closed"])
def test_a_locked_section_or_closed_workshop_refuses_a_card_and_the_text_stays(change, phone, workshop, board):
    if change == "locked":
        board.locked = True
        board.save()
    else:
        workshop.status = WorkshopStatus.CLOSED
        workshop.save()
    response = add(phone, workshop, card_data(board, "Min vigtige pointe"), **JSON)
    assert response.status_code == 409
    assert response.json()["message"]
    response = add(phone, workshop, card_data(board, "Min vigtige pointe"))
    assert response.status_code == 409
    page = html(response)
    assert escape(response.context["refusal"].message) in page
    assert "Min vigtige pointe" in page
    assert not north_cards().exists()


def test_cards_are_not_added_while_voting(phone, workshop, board):
    run(workshop, board, phase=Phase.VOTE)
    assert add(phone, workshop, card_data(board), **JSON).status_code == 409
    assert not north_cards().exists()


def test_a_card_for_another_workshops_section_is_not_found(phone, workshop, demo):
    other_process = Process.objects.get(title="Færre faste skemaer")
    other = services.workshop_create(
        workshop=Workshop(title="Syd", date=workshop.date),
        evaluation_round=EvaluationRound.objects.create(process=other_process, number=1, opened_on=workshop.date),
        by=other_process.participants.first().user,
    )
    other_board = learning_board(other)
    run(other, other_board)
    assert add(phone, workshop, card_data(other_board), **JSON).status_code == 404
    assert not north_cards().exists()


def test_a_card_that_looks_like_a_cpr_number_needs_confirming(phone, workshop, board):
    data = card_data(board, "Borgeren med 010203-1234 ventede")
    response = add(phone, workshop, data, **JSON)
    assert response.status_code == 422
    assert response.json()["confirm"] == "cpr"
    page = html(add(phone, workshop, data))
    assert 'name="confirmed" value="1"' in page
    assert "010203-1234" in page  # the text is still in the form
    assert not north_cards().exists()
    assert add(phone, workshop, {**data, "confirmed": "1"}, **JSON).status_code == 200
    assert north_cards().get().text == data["text"]


def test_a_card_naming_a_citizen_needs_confirming(phone, workshop, board):
    response = add(phone, workshop, card_data(board, "Vi glemte fru Jensen"), **JSON)
    assert response.status_code == 422
    assert response.json()["confirm"] == "citizen"


def test_each_stored_card_announces_the_change_once_after_commit(
    phone, workshop, board, monkeypatch, django_capture_on_commit_callbacks
):
    announced = []
    monkeypatch.setattr(live, "card_saved", lambda card, **kwargs: announced.append(card.section.workshop_id))
    data = card_data(board)
    with django_capture_on_commit_callbacks(execute=True):
        add(phone, workshop, data, **JSON)
        add(phone, workshop, data, **JSON)
        add(phone, workshop, card_data(board, "x" * (CARD_MAX_LENGTH + 1)), **JSON)
    assert announced == [workshop.pk]


# Changing and deleting my own cards.


@pytest.fixture
def my_card(phone, workshop, board) -> Card:
    add(phone, workshop, card_data(board, "Første udkast"))
    return north_cards().get()


def test_a_participant_changes_their_own_card(phone, workshop, board, my_card):
    other_column = board.headings.filter(kind="kolonne").last()
    response = phone.post(edit_url(workshop, my_card), {"text": "Bedre formuleret", "column": other_column.pk}, **JSON)
    assert response.status_code == 200
    my_card.refresh_from_db()
    assert (my_card.text, my_card.column) == ("Bedre formuleret", other_column)
    again = phone.post(edit_url(workshop, my_card), {"text": "Bedre formuleret", "column": other_column.pk}, **JSON)
    assert again.json() == response.json()


def test_a_participant_deletes_their_own_card_and_a_repeat_answers_the_same(phone, workshop, my_card):
    first = phone.post(edit_url(workshop, my_card, "slet"), {"client_id": str(uuid.uuid4())}, **JSON)
    assert first.status_code == 200
    assert not north_cards().exists()
    again = phone.post(edit_url(workshop, my_card, "slet"), {"client_id": first.json()["client_id"]}, **JSON)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert phone.post(edit_url(workshop, my_card, "slet")).status_code == 302


def test_someone_elses_card_cannot_be_changed_or_deleted(workshop, my_card):
    stranger = Client()
    join(stranger, workshop)
    for action, data in (("ret", {"text": "Overtaget"}), ("slet", {})):
        assert stranger.post(edit_url(workshop, my_card, action), data, **JSON).status_code == 404
        assert stranger.post(edit_url(workshop, my_card, action), data).status_code == 404
    my_card.refresh_from_db()
    assert my_card.text == "Første udkast"


def test_a_locked_section_refuses_changes_and_keeps_the_new_text(phone, workshop, board, my_card):
    board.locked = True
    board.save()
    response = phone.post(edit_url(workshop, my_card), {"text": "For sent ændret"}, **JSON)
    assert response.status_code == 409
    assert phone.post(edit_url(workshop, my_card, "slet"), **JSON).status_code == 409
    page = html(phone.post(edit_url(workshop, my_card), {"text": "For sent ændret"}))
    assert "For sent ændret" in page
    my_card.refresh_from_db()
    assert my_card.text == "Første udkast"


def test_an_edit_to_a_cpr_number_needs_confirming(phone, workshop, my_card):
    response = phone.post(edit_url(workshop, my_card), {"text": "Ring på 0102031234"}, **JSON)
    assert response.status_code == 422
    assert response.json()["confirm"] == "cpr"
    my_card.refresh_from_db()
    assert my_card.text == "Første udkast"


# Votes.


@pytest.fixture
def voting(workshop, board, my_card):
    """Three cards, one of them hidden by the facilitator; the section in its vote phase, two votes each."""
    workshop.votes_per_participant = 2
    workshop.save()
    other = Card.objects.create(client_id=uuid.uuid4(), section=board, text="Et andet kort")
    hidden = Card.objects.create(client_id=uuid.uuid4(), section=board, text="Skjult kort", hidden=True)
    run(workshop, board, phase=Phase.VOTE)
    return my_card, other, hidden


def vote(client: Client, workshop: Workshop, card: Card, client_id: str | None = None):
    return client.post(edit_url(workshop, card, "stem"), {"client_id": client_id or str(uuid.uuid4())}, **JSON)


def test_the_phone_lists_the_visible_cards_to_vote_for_and_the_votes_left(phone, workshop, voting):
    mine, other, hidden = voting
    response = phone.get(phone_url(workshop))
    assert {card.text for card in response.context["vote_cards"]} == {mine.text, other.text}
    assert response.context["votes_left"] == 2
    assert "Skjult kort" not in html(response)


def test_votes_are_counted_once_per_client_id_and_not_beyond_the_limit(phone, workshop, voting):
    mine, other, _hidden = voting
    same = str(uuid.uuid4())
    first = vote(phone, workshop, other, same).json()
    assert (first["votes_left"], first["my_votes"]) == (1, 1)
    repeated = vote(phone, workshop, other, same).json()  # counted again, as the first one was not
    assert (repeated["votes_left"], repeated["my_votes"]) == (1, 1)
    assert Vote.objects.count() == 1
    second = vote(phone, workshop, other).json()  # two dots on one card is allowed
    assert (second["votes_left"], second["my_votes"]) == (0, 2)
    refused = vote(phone, workshop, mine)
    assert refused.status_code == 409
    assert refused.json()["message"]
    assert Vote.objects.count() == 2
    assert vote(phone, workshop, other, same).status_code == 200  # the first vote, repeated, still answers


def test_without_javascript_the_vote_lists_one_form_votes_and_takes_back_with_each_cards_button(phone, workshop, voting):
    import re

    _mine, other, _hidden = voting
    phone.handler.enforce_csrf_checks = True  # the form's token must do, as in a browser

    def submit(action: str):
        """Press the card's button of `action` (its formaction) in the page's vote list: the form's fields go along."""
        page = html(phone.get(phone_url(workshop)))
        form = page[page.index('<form method="post" data-outbox="vote"') :]
        form = form[: form.index("</form>")]
        fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)">', form))
        address = re.search(rf'formaction="([^"]*/{other.client_id}/[^"]*)" data-outbox="{action}"', form)
        assert address is not None and set(fields) == {"csrfmiddlewaretoken", "client_id"}
        return phone.post(address.group(1), fields)

    assert submit("vote").status_code == 302
    assert Vote.objects.filter(card=other).count() == 1
    assert submit("vote").status_code == 302  # the page came back with a new client id: a second vote
    assert Vote.objects.filter(card=other).count() == 2
    assert submit("unvote").status_code == 302
    assert Vote.objects.filter(card=other).count() == 1


def test_a_vote_is_cast_in_a_fixed_number_of_queries(phone, workshop, voting, django_assert_num_queries):
    # The attendee with its workshop, the card with its section; in the transaction (a savepoint
    # here) the attendee's lock where the database has row locks (SQLite lets one writer in at a
    # time anyway), the votes used and given this card, and the insert. The answer's counts come
    # from the transaction: nothing is counted again.
    locks = 1 if connection.features.has_select_for_update else 0
    with django_assert_num_queries(6 + locks):
        response = vote(phone, workshop, voting[1])
    assert response.status_code == 200


def test_a_hidden_card_cannot_be_voted_for(phone, workshop, voting):
    assert vote(phone, workshop, voting[2]).status_code == 404
    assert not Vote.objects.exists()


def test_votes_are_only_taken_in_the_vote_phase(phone, workshop, board, voting):
    run(workshop, board, phase=Phase.DISCUSS)
    assert vote(phone, workshop, voting[1]).status_code == 409
    assert not Vote.objects.exists()


# Ratings.


@pytest.fixture
def rating(workshop, phone):
    section = workshop.sections.get(kind=SectionKind.RATING)
    run(workshop, section)
    return section


def rate(client: Client, workshop: Workshop, values: dict, client_id: str | None = None, **headers):
    data = {f"p{statement.pk}": value for statement, value in values.items()}
    data["client_id"] = client_id or str(uuid.uuid4())
    return client.post(phone_url(workshop, "vurderinger"), data, **headers)


def test_the_phone_shows_each_statement_with_a_labelled_scale(phone, workshop, rating):
    page = html(phone.get(phone_url(workshop)))
    statements = list(rating.statements.all())
    assert page.count("<fieldset") == len(statements)
    for statement in statements:
        assert escape(statement.text) in page
        for value in range(1, 6):
            assert f'id="rate-{statement.pk}-{value}"' in page


def test_a_rating_replaces_the_earlier_one_and_an_old_one_arriving_late_does_not_undo_it(phone, workshop, rating):
    statement = rating.statements.first()
    first = str(uuid.uuid4())
    assert rate(phone, workshop, {statement: 2}, first, **JSON).status_code == 200
    assert rate(phone, workshop, {statement: 4}, **JSON).status_code == 200
    assert rate(phone, workshop, {statement: 2}, first, **JSON).status_code == 200
    assert Rating.objects.get().value == 4
    response = phone.get(phone_url(workshop))
    assert f'id="rate-{statement.pk}-4" value="4" checked' in html(response)


def test_all_statements_can_be_rated_in_one_form_without_javascript(phone, workshop, rating):
    statements = list(rating.statements.all())
    response = rate(phone, workshop, {statement: 3 for statement in statements})
    assert response.status_code == 302
    assert Rating.objects.count() == len(statements)
    assert set(Rating.objects.values_list("value", flat=True)) == {3}


def test_a_rating_outside_one_to_five_is_refused(phone, workshop, rating):
    assert rate(phone, workshop, {rating.statements.first(): 6}, **JSON).status_code == 422
    assert not Rating.objects.exists()


def test_a_locked_rating_refuses_a_change(phone, workshop, rating):
    rating.locked = True
    rating.save()
    assert rate(phone, workshop, {rating.statements.first(): 5}, **JSON).status_code == 409
    assert not Rating.objects.exists()


# The state the page polls.


def test_the_state_shows_my_cards_but_not_the_others_while_writing(phone, workshop, board, my_card):
    Card.objects.create(client_id=uuid.uuid4(), section=board, text="Kollegaens kort")
    state = phone.get(phone_url(workshop, "tilstand"), **JSON).json()
    assert state["section"]["id"] == board.pk
    assert state["section"]["phase"] == Phase.WRITE
    assert [card["text"] for card in state["my_cards"]] == ["Første udkast"]
    assert state["cards"] == []
    assert "Kollegaens kort" not in str(state)


def test_the_state_changes_its_version_when_my_cards_change_and_its_fingerprint_when_the_phase_does(phone, workshop, board):
    before = phone.get(phone_url(workshop, "tilstand")).json()
    add(phone, workshop, card_data(board))
    after = phone.get(phone_url(workshop, "tilstand")).json()
    assert after["version"] != before["version"]
    assert after["fingerprint"] == before["fingerprint"]
    run(workshop, board, phase=Phase.SHOW)
    assert phone.get(phone_url(workshop, "tilstand")).json()["fingerprint"] != before["fingerprint"]
