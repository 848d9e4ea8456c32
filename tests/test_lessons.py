"""Konkludér: the facilitator writes læringspunkter, marks those that can be used elsewhere, links cards."""

import pytest
from django.urls import reverse

from samskab.workshops import live
from samskab.workshops.models import Lesson, Phase, SectionKind
from tests.facilitation_helpers import card, close, running_board, theme
from tests.helpers import assert_form_error, html, submission


def north_lessons():
    """The lessons of the demo forløb at Hjemmeplejen Nord (the demo's bank has a forløb of its own)."""
    return Lesson.objects.filter(section__workshop__round__process__unit__name="Hjemmeplejen Nord")


@pytest.fixture
def board(demo):
    return running_board(demo, Phase.CONCLUDE)


def _new(client, board, **data):
    page = client.get(reverse("workshops:lesson_create", args=[board.pk]))
    data.setdefault("submission", submission(page))
    return client.post(reverse("workshops:lesson_create", args=[board.pk]), data)


def test_the_facilitator_writes_a_lesson_with_theme_and_cards(board, client_as, monkeypatch, django_capture_on_commit_callbacks):
    announced = []
    monkeypatch.setattr(live, "changed", announced.append)
    linked = card(board, "Tavlemøderne virker")
    card(board, "Noget andet")
    with django_capture_on_commit_callbacks(execute=True):
        response = _new(
            client_as("konsulent"), board, text="Korte møder giver tid", reusable="on", theme=theme(board).pk, cards=[linked.pk]
        )
    assert response.status_code == 302
    assert response["Location"].endswith("#laeringspunkter")
    lesson = Lesson.objects.get(section=board)
    assert (lesson.text, lesson.reusable, lesson.theme) == ("Korte møder giver tid", True, theme(board))
    assert list(lesson.cards.all()) == [linked]
    assert announced == [board.workshop.pk]


def test_a_double_click_stores_one_lesson(board, client_as):
    client = client_as("konsulent")
    page = client.get(reverse("workshops:lesson_create", args=[board.pk]))
    data = {"submission": submission(page), "text": "Korte møder giver tid"}
    client.post(reverse("workshops:lesson_create", args=[board.pk]), data)
    client.post(reverse("workshops:lesson_create", args=[board.pk]), data)
    assert Lesson.objects.filter(section=board).count() == 1


def test_the_run_page_has_the_lesson_form_inline_and_it_stores_once(board, client_as):
    client = client_as("konsulent")
    page = client.get(reverse("workshops:workshop_run", args=[board.workshop.pk]))
    assert f'action="{reverse("workshops:lesson_create", args=[board.pk])}"' in html(page)
    data = {"submission": submission(page), "text": "Skrevet på afviklingssiden"}
    client.post(reverse("workshops:lesson_create", args=[board.pk]), data)
    client.post(reverse("workshops:lesson_create", args=[board.pk]), data)
    assert north_lessons().filter(text="Skrevet på afviklingssiden").count() == 1


def test_an_empty_lesson_comes_back_with_the_reason(board, client_as):
    response = _new(client_as("konsulent"), board, text="  ")
    assert_form_error(response, "text")
    assert not north_lessons().exists()


def test_a_card_or_theme_of_another_board_is_refused_and_the_text_kept(board, client_as):
    other = board.workshop.sections.exclude(pk=board.pk).filter(kind=SectionKind.BOARD).first()
    card(board, "Her")
    elsewhere = card(other, "Et andet sted")
    client = client_as("konsulent")
    response = _new(client, board, text="Min tekst", cards=[elsewhere.pk])
    assert_form_error(response, "cards")
    assert "Min tekst" in html(response)
    other_theme = other.headings.filter(kind="tema").first()
    if other_theme is not None:
        assert_form_error(_new(client, board, text="Min tekst", theme=other_theme.pk), "theme")
    assert not north_lessons().exists()


def test_hidden_cards_are_not_offered(board, client_as):
    card(board, "Synligt kort")
    card(board, "Navnet på en kollega", hidden=True)
    page = html(client_as("konsulent").get(reverse("workshops:lesson_create", args=[board.pk])))
    assert "Synligt kort" in page and "Navnet på en kollega" not in page


def test_editing_and_deleting_a_lesson(board, client_as):
    lesson = Lesson.objects.create(section=board, text="Første udkast")
    client = client_as("konsulent")
    assert client.get(reverse("workshops:lesson_edit", args=[lesson.pk])).status_code == 200
    client.post(reverse("workshops:lesson_edit", args=[lesson.pk]), {"text": "Rettet", "reusable": "on"})
    lesson.refresh_from_db()
    assert (lesson.text, lesson.reusable) == ("Rettet", True)
    assert_form_error(client.post(reverse("workshops:lesson_edit", args=[lesson.pk]), {"text": ""}), "text")
    assert client.get(reverse("workshops:lesson_delete", args=[lesson.pk])).status_code == 200
    client.post(reverse("workshops:lesson_delete", args=[lesson.pk]))
    assert not north_lessons().exists()


def test_lessons_reach_the_projector_while_concluding(board, client_as):
    Lesson.objects.create(section=board, text="Korte møder giver tid", reusable=True)
    client = client_as("konsulent")
    projector = reverse("workshops:projector", args=[board.workshop.pk])
    assert "Korte møder giver tid" in html(client.get(projector))
    assert reverse("workshops:lesson_edit", args=[north_lessons().get().pk]) not in html(client.get(projector))
    board.phase = Phase.VOTE
    board.save()
    assert "Korte møder giver tid" not in html(client.get(projector))
    # The facilitator keeps seeing them on the run page.
    assert "Korte møder giver tid" in html(client.get(reverse("workshops:workshop_run", args=[board.workshop.pk])))


def test_a_lesson_on_the_projector_names_no_hidden_card(board, client_as):
    lesson = Lesson.objects.create(section=board, text="Korte møder giver tid")
    lesson.cards.add(card(board, "Navnet på en kollega", hidden=True), card(board, "Tavlemøderne virker"))
    page = html(client_as("konsulent").get(reverse("workshops:projector", args=[board.workshop.pk])))
    assert "Tavlemøderne virker" in page and "Navnet på en kollega" not in page


def test_a_rating_section_takes_lessons_too(board, client_as):
    rating = board.workshop.sections.get(kind=SectionKind.RATING)
    response = _new(client_as("konsulent"), rating, text="Ledelsen bakker op")
    assert response.status_code == 302
    assert north_lessons().get().section == rating


def test_a_closed_workshop_refuses_lessons(board, client_as):
    lesson = Lesson.objects.create(section=board, text="Uændret")
    close(board.workshop)
    client = client_as("konsulent")
    assert client.post(reverse("workshops:lesson_create", args=[board.pk]), {"text": "Ny"}).status_code == 302
    client.post(reverse("workshops:lesson_edit", args=[lesson.pk]), {"text": "Ændret"})
    client.post(reverse("workshops:lesson_delete", args=[lesson.pk]))
    assert list(north_lessons().values_list("text", flat=True)) == ["Uændret"]


@pytest.mark.parametrize("username, status", [("leder", 403), ("tr", 403), ("central", 403), ("nabo", 404)])
def test_only_the_facilitators_write_lessons(board, client_as, username, status):
    lesson = Lesson.objects.create(section=board, text="Uændret")
    client = client_as(username)
    assert client.post(reverse("workshops:lesson_create", args=[board.pk]), {"text": "Ny"}).status_code == status
    assert client.post(reverse("workshops:lesson_edit", args=[lesson.pk]), {"text": "Ændret"}).status_code == status
    assert client.post(reverse("workshops:lesson_delete", args=[lesson.pk])).status_code == status
    assert list(north_lessons().values_list("text", flat=True)) == ["Uændret"]
