"""Gruppér: the facilitator makes named groups and puts cards in them, without JavaScript too."""

import pytest
from django.urls import reverse

from samskab.workshops import live
from samskab.workshops.models import CardGroup, Phase
from tests.facilitation_helpers import card, close, running_board, votes
from tests.helpers import assert_form_error, html
from tests.phone_helpers import join


@pytest.fixture
def board(demo):
    return running_board(demo, Phase.GROUP)


@pytest.fixture
def announced(monkeypatch):
    """The workshops whose change was announced to the live clients."""
    calls = []
    monkeypatch.setattr(live, "changed", calls.append)
    return calls


def test_the_facilitator_adds_a_group_and_everyone_is_told(board, client_as, announced, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("konsulent").post(reverse("workshops:group_create", args=[board.pk]), {"name": "  Møder  "})
    group = CardGroup.objects.get(section=board)
    assert group.name == "Møder"
    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:workshop_run", args=[board.workshop.pk]) + f"#gruppe-{group.pk}"
    assert announced == [board.workshop.pk]


def test_adding_the_same_group_twice_makes_one(board, client_as):
    client = client_as("konsulent")
    client.post(reverse("workshops:group_create", args=[board.pk]), {"name": "Møder"})
    client.post(reverse("workshops:group_create", args=[board.pk]), {"name": "Møder"})
    assert CardGroup.objects.filter(section=board).count() == 1


def test_a_group_without_a_name_comes_back_with_the_reason(board, client_as):
    response = client_as("konsulent").post(reverse("workshops:group_create", args=[board.pk]), {"name": "   "})
    assert_form_error(response, "name")
    assert not CardGroup.objects.exists()


def test_a_card_is_moved_into_a_group_and_out_again_with_a_plain_form(board, client_as, monkeypatch, django_capture_on_commit_callbacks):
    # The card itself is announced with its new group, so that phones place it without asking.
    announced = []
    monkeypatch.setattr(live, "card_saved", lambda card, **kwargs: announced.append((card.pk, card.group_id)))
    group = CardGroup.objects.create(section=board, name="Møder")
    moved = card(board, "Tavlemøderne virker")
    client = client_as("konsulent")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("workshops:card_group", args=[moved.pk]), {"group": group.pk})
    assert response["Location"].endswith(f"#kort-{moved.pk}")
    moved.refresh_from_db()
    assert moved.group == group
    assert announced == [(moved.pk, group.pk)]
    client.post(reverse("workshops:card_group", args=[moved.pk]), {"group": ""})
    moved.refresh_from_db()
    assert moved.group is None


@pytest.mark.parametrize("value", ["abc", "999999", "-1"])
def test_an_unknown_group_is_404_and_changes_nothing(board, client_as, value):
    moved = card(board, "Tavlemøderne virker")
    assert client_as("konsulent").post(reverse("workshops:card_group", args=[moved.pk]), {"group": value}).status_code == 404
    moved.refresh_from_db()
    assert moved.group is None


def test_a_group_of_another_board_is_404(board, client_as):
    other = board.workshop.sections.exclude(pk=board.pk).filter(kind="kortvaeg").first()
    elsewhere = CardGroup.objects.create(section=other, name="Andetsteds")
    moved = card(board, "Tavlemøderne virker")
    assert client_as("konsulent").post(reverse("workshops:card_group", args=[moved.pk]), {"group": elsewhere.pk}).status_code == 404
    moved.refresh_from_db()
    assert moved.group is None


def test_renaming_and_removing_a_group_keeps_its_cards(board, client_as):
    group = CardGroup.objects.create(section=board, name="Møder")
    kept = card(board, "Tavlemøderne virker", group=group)
    client = client_as("konsulent")
    assert client.get(reverse("workshops:group_edit", args=[group.pk])).status_code == 200
    client.post(reverse("workshops:group_edit", args=[group.pk]), {"name": "Gode møder"})
    group.refresh_from_db()
    assert group.name == "Gode møder"
    assert client.get(reverse("workshops:group_delete", args=[group.pk])).status_code == 200
    client.post(reverse("workshops:group_delete", args=[group.pk]))
    assert not CardGroup.objects.filter(pk=group.pk).exists()
    kept.refresh_from_db()
    assert kept.group is None


def test_the_run_page_offers_each_card_a_group_and_the_projector_shows_the_groups(board, client_as):
    group = CardGroup.objects.create(section=board, name="Møder")
    card(board, "Tavlemøderne virker", group=group)
    loose = card(board, "For mange skemaer")
    client = client_as("konsulent")
    page = html(client.get(reverse("workshops:workshop_run", args=[board.workshop.pk])))
    assert f'action="{reverse("workshops:card_group", args=[loose.pk])}"' in page
    assert f'data-drop-group="{group.pk}"' in page
    assert f'<option value="{group.pk}">Møder</option>' in page
    assert "grouping.js" in page
    assert f'action="{reverse("workshops:group_create", args=[board.pk])}"' in page
    projector = html(client.get(reverse("workshops:projector", args=[board.workshop.pk])))
    assert "Møder" in projector and "Tavlemøderne virker" in projector
    assert "card_group" not in projector and "data-drop-group" not in projector
    # The group's cards are inside its box on the projector.
    box = projector.split(f'id="gruppe-{group.pk}"')[1].split("</section>")[0]
    assert "Tavlemøderne virker" in box and "For mange skemaer" not in box


def test_group_controls_are_offered_only_in_the_group_phase(board, client_as):
    loose = card(board, "For mange skemaer")
    board.phase = Phase.VOTE
    board.save()
    page = html(client_as("konsulent").get(reverse("workshops:workshop_run", args=[board.workshop.pk])))
    assert reverse("workshops:card_group", args=[loose.pk]) not in page
    assert reverse("workshops:group_create", args=[board.pk]) not in page


def test_while_discussing_groups_show_their_vote_totals_with_the_most_voted_first(board, client_as):
    few = CardGroup.objects.create(section=board, name="Få stemmer", order=0)
    many = CardGroup.objects.create(section=board, name="Mange stemmer", order=1)
    votes(card(board, "Et kort", group=few), 1)
    votes(card(board, "Andet kort", group=many), 2)
    votes(card(board, "Tredje kort", group=many), 3)
    board.phase = Phase.DISCUSS
    board.save()
    page = html(client_as("konsulent").get(reverse("workshops:projector", args=[board.workshop.pk])))
    assert page.index("Mange stemmer") < page.index("Få stemmer")
    box = page.split(f'id="gruppe-{many.pk}"')[1].split("</section>")[0]
    assert "5" in box.split("</p>")[0].split("<p")[1]  # the total in the group's summary line


def test_a_closed_workshop_refuses_grouping_and_says_so(board, client_as):
    group = CardGroup.objects.create(section=board, name="Møder")
    moved = card(board, "Tavlemøderne virker")
    close(board.workshop)
    client = client_as("konsulent")
    response = client.post(reverse("workshops:card_group", args=[moved.pk]), {"group": group.pk}, follow=True)
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    moved.refresh_from_db()
    assert moved.group is None
    client.post(reverse("workshops:group_create", args=[board.pk]), {"name": "Ny"})
    client.post(reverse("workshops:group_edit", args=[group.pk]), {"name": "Omdøbt"})
    client.post(reverse("workshops:group_delete", args=[group.pk]))
    assert list(CardGroup.objects.values_list("name", flat=True)) == ["Møder"]


@pytest.mark.parametrize("username, status", [("leder", 403), ("medarbejder", 403), ("med", 403), ("nabo", 404)])
def test_only_the_facilitators_group(board, client_as, username, status):
    group = CardGroup.objects.create(section=board, name="Møder")
    moved = card(board, "Tavlemøderne virker")
    client = client_as(username)
    assert client.post(reverse("workshops:group_create", args=[board.pk]), {"name": "Ny"}).status_code == status
    assert client.post(reverse("workshops:card_group", args=[moved.pk]), {"group": group.pk}).status_code == status
    assert client.post(reverse("workshops:group_delete", args=[group.pk])).status_code == status
    moved.refresh_from_db()
    assert moved.group is None
    assert CardGroup.objects.count() == 1


def test_moving_a_card_is_post_only(board, client_as):
    moved = card(board, "Tavlemøderne virker")
    assert client_as("konsulent").get(reverse("workshops:card_group", args=[moved.pk])).status_code == 405


def test_the_phones_vote_list_shows_each_cards_group(board, client):
    board.phase = Phase.VOTE
    board.save()
    group = CardGroup.objects.create(section=board, name="Møder")
    card(board, "Tavlemøderne virker", group=group)
    join(client, board.workshop, role="")
    page = html(client.get(reverse("workshops:phone", args=[board.workshop.join_code])))
    assert "Møder" in page and "Tavlemøderne virker" in page


def test_without_groups_the_cards_offer_no_group_to_move_to(board, client_as):
    loose = card(board, "For mange skemaer")
    page = html(client_as("konsulent").get(reverse("workshops:workshop_run", args=[board.workshop.pk])))
    assert f'action="{reverse("workshops:group_create", args=[board.pk])}"' in page
    assert reverse("workshops:card_group", args=[loose.pk]) not in page


def test_a_group_name_is_shown_inert(board, client_as):
    client = client_as("konsulent")
    client.post(reverse("workshops:group_create", args=[board.pk]), {"name": "<script>alert(1)</script>"})
    page = html(client.get(reverse("workshops:workshop_run", args=[board.workshop.pk])))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def _reads(board, django_assert_max_num_queries, limit: int):
    from samskab.workshops.state import board_state

    with django_assert_max_num_queries(limit):
        state = board_state(board, for_facilitator=True)
        for box in state["groups"]:
            [(card.column, card.theme, box.vote_count) for card in box.cards]
        for lesson in state["lessons"]:
            list(lesson.cards.all())
        [action.owner.user for action in state["actions"]]
    return state


def test_the_board_with_groups_lessons_and_actions_is_read_in_a_fixed_number_of_queries(board, django_assert_max_num_queries):
    from samskab.rounds.models import Action
    from samskab.workshops.models import Lesson

    small = _reads(board, django_assert_max_num_queries, 8)
    for index in range(6):
        group = CardGroup.objects.create(section=board, name=f"Gruppe {index}")
        votes(card(board, f"Kort {index}", group=group), 2)
        card(board, f"Løst kort {index}")
        Lesson.objects.create(section=board, text=f"Læring {index}").cards.add(*board.cards.all()[:2])
        Action.objects.create(
            round=board.workshop.round, section=board, what=f"Aftale {index}", owner=board.workshop.round.process.participants.first()
        )
    big = _reads(board, django_assert_max_num_queries, 8)
    assert len(big["groups"]) == 6 and not small["groups"]
