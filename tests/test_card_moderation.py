"""The facilitator moderates cards: edits their text, moves them to another column or theme, merges them."""

import pytest
from django.urls import reverse

from samskab.workshops.models import CARD_MAX_LENGTH, Card, CardGroup, Lesson, Phase, Vote
from tests.facilitation_helpers import card, close, column, running_board, theme, votes
from tests.helpers import assert_form_error, html, north_cards


@pytest.fixture
def board(demo):
    return running_board(demo, Phase.DISCUSS)


def _edit(client, target: Card, **data):
    data.setdefault("text", target.text)
    data.setdefault("column", target.column_id or "")
    data.setdefault("theme", target.theme_id or "")
    return client.post(reverse("workshops:card_moderate", args=[target.pk]), data)


def test_the_facilitator_rewords_a_card_and_moves_it_to_another_column_and_theme(board, client_as):
    target = card(board, "Tavlemøder er godt")
    response = _edit(
        client_as("konsulent"), target, text="Korte tavlemøder virker", column=column(board, 1).pk, theme=theme(board, 2).pk
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kort-{target.pk}")
    target.refresh_from_db()
    assert (target.text, target.column, target.theme) == ("Korte tavlemøder virker", column(board, 1), theme(board, 2))


def test_the_edit_page_shows_the_card_as_it_is(board, client_as):
    target = card(board, "Tavlemøder er godt", theme=theme(board, 1))
    response = client_as("konsulent").get(reverse("workshops:card_moderate", args=[target.pk]))
    form = response.context["form"]
    assert (form["text"].value(), form["column"].value(), form["theme"].value()) == (
        "Tavlemøder er godt",
        column(board).pk,
        theme(board, 1).pk,
    )


def test_the_facilitator_may_edit_while_the_cards_are_locked(board, client_as):
    board.locked = True
    board.save()
    target = card(board, "Tavlemøder er godt")
    _edit(client_as("konsulent"), target, text="Tavlemøder er gode")
    target.refresh_from_db()
    assert target.text == "Tavlemøder er gode"


@pytest.mark.parametrize("text", ["", "   ", "x" * (CARD_MAX_LENGTH + 1)])
def test_an_empty_or_too_long_text_comes_back_with_the_reason(board, client_as, text):
    target = card(board, "Tavlemøder er godt")
    response = _edit(client_as("konsulent"), target, text=text)
    assert_form_error(response, "text")
    target.refresh_from_db()
    assert target.text == "Tavlemøder er godt"


def test_a_column_of_another_board_is_refused(board, client_as):
    other = board.workshop.sections.exclude(pk=board.pk).filter(kind="kortvaeg").first()
    target = card(board, "Tavlemøder er godt")
    response = _edit(client_as("konsulent"), target, column=column(other).pk)
    assert_form_error(response, "column")


def test_a_cpr_number_asks_first_and_is_saved_once_confirmed(board, client_as):
    target = card(board, "Tavlemøder er godt")
    client = client_as("konsulent")
    response = _edit(client, target, text="Borgeren 010203-1234 fik hjælp")
    assert_form_error(response, "text")
    assert 'name="confirmed"' in html(response)
    assert "010203-1234" in html(response)  # the typed text stays
    target.refresh_from_db()
    assert target.text == "Tavlemøder er godt"
    _edit(client, target, text="Borgeren 010203-1234 fik hjælp", confirmed="on")
    target.refresh_from_db()
    assert target.text == "Borgeren 010203-1234 fik hjælp"


def test_merging_keeps_both_texts_and_all_votes_and_removes_the_merged_card(board, client_as):
    group = CardGroup.objects.create(section=board, name="Møder")
    merged = card(board, "Færre møder", group=group)
    kept = card(board, "Kortere møder")
    merged_votes = votes(merged, 2)
    votes(kept, 1)
    lesson = Lesson.objects.create(section=board, text="Møder skal være korte")
    lesson.cards.add(merged)
    response = client_as("konsulent").post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "begge"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kort-{kept.pk}")
    assert not Card.objects.filter(pk=merged.pk).exists()
    kept.refresh_from_db()
    assert kept.text == "Kortere møder\n\nFærre møder"
    assert kept.group == group  # it had none: it takes the merged card's
    assert kept.votes.count() == 3
    assert set(Vote.objects.filter(pk__in=[v.pk for v in merged_votes]).values_list("card", flat=True)) == {kept.pk}
    assert list(lesson.cards.all()) == [kept]


def test_merging_can_keep_only_the_chosen_cards_text(board, client_as):
    merged = card(board, "Færre møder")
    kept = card(board, "Kortere møder")
    client_as("konsulent").post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "beholdt"})
    kept.refresh_from_db()
    assert kept.text == "Kortere møder"
    assert not Card.objects.filter(pk=merged.pk).exists()


def test_a_hidden_cards_text_never_moves_onto_a_shown_card(board, client_as):
    merged = card(board, "Navnet på en kollega", hidden=True)
    kept = card(board, "Kortere møder")
    response = client_as("konsulent").post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "begge"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Card.objects.filter(pk=merged.pk).exists()
    kept.refresh_from_db()
    assert kept.text == "Kortere møder"


def test_two_texts_too_long_together_are_refused_with_the_reason(board, client_as):
    merged = card(board, "a" * 300)
    kept = card(board, "b" * 300)
    response = client_as("konsulent").post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "begge"})
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors and str(CARD_MAX_LENGTH) in errors[0]
    assert Card.objects.filter(pk=merged.pk).exists()


def test_a_card_of_another_board_or_the_card_itself_cannot_be_chosen(board, client_as):
    other = board.workshop.sections.exclude(pk=board.pk).filter(kind="kortvaeg").first()
    merged = card(board, "Færre møder")
    elsewhere = card(other, "Et andet sted")
    client = client_as("konsulent")
    for into in (elsewhere.pk, merged.pk, "abc", ""):
        response = client.post(reverse("workshops:card_merge", args=[merged.pk]), {"into": into, "keep": "begge"})
        assert_form_error(response, "into")
    assert Card.objects.filter(pk=merged.pk).exists()


def test_a_closed_workshop_refuses_moderation_and_says_so(board, client_as):
    merged = card(board, "Færre møder")
    kept = card(board, "Kortere møder")
    close(board.workshop)
    client = client_as("konsulent")
    response = _edit(client, kept, text="Ændret")
    assert response["Location"] == reverse("workshops:workshop_run", args=[board.workshop.pk])
    client.get(response["Location"])  # the message is read
    response = client.post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "begge"}, follow=True)
    assert len(list(response.context["messages"])) == 1
    assert client.get(reverse("workshops:card_moderate", args=[kept.pk])).status_code == 302
    kept.refresh_from_db()
    assert kept.text == "Kortere møder"
    assert Card.objects.filter(pk=merged.pk).exists()


@pytest.mark.parametrize("username, status", [("leder", 403), ("amr", 403), ("med", 403), ("nabo", 404)])
def test_only_the_facilitators_moderate(board, client_as, username, status):
    merged = card(board, "Færre møder")
    kept = card(board, "Kortere møder")
    client = client_as(username)
    assert client.get(reverse("workshops:card_moderate", args=[kept.pk])).status_code == status
    assert _edit(client, kept, text="Ændret").status_code == status
    assert client.post(reverse("workshops:card_merge", args=[merged.pk]), {"into": kept.pk, "keep": "begge"}).status_code == status
    assert Card.objects.filter(section=board).count() == 2
    kept.refresh_from_db()
    assert kept.text == "Kortere møder"


def test_an_unknown_card_is_404(board, client_as):
    assert client_as("konsulent").get(reverse("workshops:card_moderate", args=[999999])).status_code == 404
    assert client_as("konsulent").post(reverse("workshops:card_merge", args=[999999])).status_code == 404


def test_the_run_page_links_each_card_to_editing_and_merging(board, client_as):
    target = card(board, "Færre møder")
    page = html(client_as("konsulent").get(reverse("workshops:workshop_run", args=[board.workshop.pk])))
    assert reverse("workshops:card_moderate", args=[target.pk]) in page
    assert reverse("workshops:card_merge", args=[target.pk]) in page


# The services themselves, as the views (and later callers) use them.


def test_the_services_refuse_everything_while_the_workshop_is_closed(board):
    from samskab.workshops import moderation
    from samskab.workshops.cards import Refused

    group = CardGroup.objects.create(section=board, name="Møder")
    one, other = card(board, "Et"), card(board, "To")
    close(board.workshop)
    board.workshop.refresh_from_db()
    one.section.workshop = other.section.workshop = group.section.workshop = board.workshop
    calls = [
        lambda: moderation.group_create(section=board, name="Ny", by=None),
        lambda: moderation.group_rename(group=group, name="Omdøbt", by=None),
        lambda: moderation.group_delete(group=group, by=None),
        lambda: moderation.card_to_group(card=one, group=group, by=None),
        lambda: moderation.card_edit(card=one, text="Ændret", by=None),
        lambda: moderation.card_merge(card=one, into=other, by=None),
    ]
    for call in calls:
        with pytest.raises(Refused):
            call()
    assert CardGroup.objects.get().name == "Møder"
    assert sorted(north_cards().values_list("text", flat=True)) == ["Et", "To"]


def test_a_merge_is_announced_once_and_an_unchanged_edit_not_at_all(board, monkeypatch, django_capture_on_commit_callbacks):
    from samskab.workshops import live, moderation

    announced = []
    monkeypatch.setattr(live, "changed", announced.append)
    one, other = card(board, "Et"), card(board, "To")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.card_edit(card=other, text="To", column=other.column, by=None)
    assert announced == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.card_merge(card=one, into=other, keep=moderation.MERGE_BOTH, by=None)
    assert announced == [board.workshop.pk]


def test_a_hidden_card_may_take_a_shown_cards_text_and_stays_hidden(board):
    from samskab.workshops import moderation

    shown, hidden = card(board, "Synligt"), card(board, "Skjult", hidden=True)
    kept = moderation.card_merge(card=shown, into=hidden, keep=moderation.MERGE_BOTH, by=None)
    assert kept.hidden and kept.text == "Skjult\n\nSynligt"
