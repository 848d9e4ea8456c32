"""The referat: what it says, who sees it when, and its life from kladde to godkendt."""

from datetime import date

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from samskab.workshops import minutes_content as referat
from samskab.workshops.models import Card, Minutes, MinutesStatus, WorkshopStatus
from tests.helpers import html
from tests.minutes_helpers import (
    ACTION,
    ATTENDEE_NAME,
    CONFIRMED,
    GROUPED,
    HIDDEN,
    LESSON,
    TRANSFER,
    VISIBLE,
    hold_workshop,
)


@pytest.fixture
def held(demo):
    return hold_workshop(demo)


def _url(workshop, action: str = "") -> str:
    return f"/workshops/{workshop.pk}/referat/{action}"


def _approve(client_as, workshop):
    response = client_as("konsulent").post(_url(workshop, "godkend/"))
    assert response.status_code == 302
    return Minutes.objects.get(workshop=workshop)


# What the referat says.


def test_closing_the_workshop_makes_a_draft_with_the_next_evaluation_six_months_on(demo, client_as):
    held = hold_workshop(demo, close=False)
    workshop = held.workshop
    workshop.date = date(2026, 8, 31)
    workshop.save()
    assert not Minutes.objects.filter(workshop=workshop).exists()
    response = client_as("konsulent").post(f"/workshops/{workshop.pk}/status/", {"status": WorkshopStatus.CLOSED})
    assert response.status_code == 302
    minutes = Minutes.objects.get(workshop=workshop)
    assert minutes.status == MinutesStatus.DRAFT
    assert minutes.next_evaluation == date(2027, 2, 28)  # no 31 February: the month's last day


def test_the_draft_is_made_on_first_view_when_the_workshop_closed_without_one(held, client_as):
    assert not Minutes.objects.filter(workshop=held.workshop).exists()
    assert client_as("konsulent").get(_url(held.workshop)).status_code == 200
    assert Minutes.objects.get(workshop=held.workshop).status == MinutesStatus.DRAFT


def test_the_referat_holds_the_workshop_but_not_its_hidden_cards(held, client_as):
    page = html(client_as("konsulent").get(_url(held.workshop)))
    body = page.split('id="edit-heading"')[0] + page.split("</section>", 1)[1]  # without the hide toggles
    for text in (VISIBLE, GROUPED, TRANSFER, LESSON, ACTION, CONFIRMED, "Møderne"):
        assert escape(text) in body, text
    assert escape(HIDDEN) not in body
    # …while the facilitator's list of cards offers to show it again.
    assert escape(HIDDEN) in page


def test_the_content_tree_leaves_hidden_cards_out_everywhere(held):
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    texts = [card.text for board in content.boards + content.transfer for block in board.blocks for card in block.cards]
    assert VISIBLE in texts and GROUPED in texts and TRANSFER in texts
    assert HIDDEN not in texts
    # The hidden card had a vote; it is not among the top points either.
    assert [card.text for card in content.top_points] == [VISIBLE, GROUPED]
    assert content.top_points[0].votes == 3
    board = content.boards[0]
    assert board.blocks[0].grouped and board.blocks[0].title == "Møderne"


def test_ratings_are_summarised_only_at_the_smallest_group(held):
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    first, second = content.ratings[0].statements[:2]
    assert first.count == 5 and first.average == 4.6 and first.distribution == [0, 0, 0, 2, 3]
    assert second.count == 2 and second.average is None and second.distribution is None


def test_a_role_is_shown_only_when_its_group_is_large_enough(demo):
    held = hold_workshop(demo, raters=10)
    held.workshop.min_group_size = 3
    held.workshop.save()
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    first = content.ratings[0].statements[0]
    # Four employees rated (4, 5, 5, 4); leaders, TRs and those who stated no role were two each.
    assert [(item.role, item.average) for item in first.by_role] == [("medarbejder", 4.5)]
    assert content.ratings[0].statements[1].by_role == []


def test_a_hidden_rating_says_why_on_the_page(held, client_as):
    response = client_as("konsulent").get(_url(held.workshop))
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        reason = gettext("Hidden: fewer than %(smallest)s answers") % {"smallest": 5}
    assert escape(reason) in html(response)


def test_below_the_smallest_group_no_rating_is_summarised(demo):
    held = hold_workshop(demo, raters=3)
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    assert all(statement.average is None for statement in content.ratings[0].statements)


def test_an_anonymous_workshop_gives_counts_not_names(held, personas):
    content = referat.build(held.workshop, referat.ensure_draft(held.workshop))
    people = content.people
    assert people.attended_total == 2 and people.apologies == 1
    assert people.attended_names == [] and people.apology_names == [] and people.joined_names == []
    assert people.joined_total == 5
    assert all(card.author == "" for board in content.boards for block in board.blocks for card in block.cards)


def test_the_anonymous_referat_page_shows_no_participant_names(held, client_as):
    page = html(client_as("konsulent").get(_url(held.workshop)))
    for name in ("Mads Møller", "Tina Thomsen", "Anders Andersen"):
        assert escape(name) not in page


def test_a_named_workshop_names_who_came_and_who_wrote(demo, client_as):
    held = hold_workshop(demo, anonymous=False)
    page = html(client_as("konsulent").get(_url(held.workshop)))
    for name in ("Mads Møller", "Tina Thomsen", "Anders Andersen", ATTENDEE_NAME):
        assert escape(name) in page, name


# Who sees what.


@pytest.mark.parametrize("who", ["leder", "med", "central", "medarbejder"])
def test_before_approval_readers_of_the_forloeb_get_a_clear_403(held, client_as, who):
    response = client_as(who).get(_url(held.workshop))
    assert response.status_code == 403
    assert escape(VISIBLE) not in html(response)
    assert 'href="/runder/' in html(response)  # back to the round
    for download in ("word/", "pdf/"):
        assert client_as(who).get(_url(held.workshop, download)).status_code == 403


@pytest.mark.parametrize("who", ["leder-syd", "nabo"])
def test_outsiders_never_see_the_referat(held, client_as, who):
    assert client_as(who).get(_url(held.workshop)).status_code == 404
    _approve(client_as, held.workshop)
    assert client_as(who).get(_url(held.workshop)).status_code == 404
    assert client_as(who).get(_url(held.workshop, "pdf/")).status_code == 404


@pytest.mark.parametrize("who", ["leder", "med", "central"])
def test_after_approval_readers_see_and_download_the_referat(held, client_as, who):
    _approve(client_as, held.workshop)
    client = client_as(who)
    response = client.get(_url(held.workshop))
    assert response.status_code == 200
    page = html(response)
    assert escape(VISIBLE) in page and escape(HIDDEN) not in page
    assert "<form" not in page.split('id="main-content"')[1].split("<footer")[0].replace(
        '<form method="post" action="/logout/"', ""
    ), "readers get no forms on the referat"
    word = client.get(_url(held.workshop, "word/"))
    assert word.status_code == 200
    assert word["Content-Disposition"] == f'attachment; filename="referat-{held.workshop.date.isoformat()}-v1.docx"'
    assert client.get(_url(held.workshop, "pdf/")).status_code == 200


def test_the_round_page_links_the_referat_once_it_is_approved(held, client_as):
    round_url = f"/runder/{held.workshop.round.pk}/"
    assert _url(held.workshop) not in html(client_as("med").get(round_url))
    _approve(client_as, held.workshop)
    page = html(client_as("med").get(round_url))
    assert _url(held.workshop) in page and _url(held.workshop, "pdf/") in page


def test_readers_cannot_approve_edit_or_hide(held, client_as):
    referat.ensure_draft(held.workshop)
    leder = client_as("leder")
    assert leder.post(_url(held.workshop, "godkend/")).status_code == 403
    assert leder.post(_url(held.workshop), {"summary": "Overtaget"}).status_code == 403
    assert leder.post(f"/referat/kort/{held.visible.pk}/skjul/", {"hidden": "1"}).status_code == 403
    assert client_as("nabo").post(_url(held.workshop, "godkend/")).status_code == 404
    minutes = Minutes.objects.get(workshop=held.workshop)
    assert minutes.status == MinutesStatus.DRAFT and minutes.summary == ""
    held.visible.refresh_from_db()
    assert not held.visible.hidden


# The draft's life: edit, hide, approve, reopen.


def test_the_facilitator_writes_the_summary_and_next_evaluation(held, client_as):
    client = client_as("konsulent")
    response = client.post(_url(held.workshop), {"summary": "Et godt år.", "next_evaluation": "01-03-2027"})
    assert response.status_code == 302
    minutes = Minutes.objects.get(workshop=held.workshop)
    assert minutes.summary == "Et godt år." and minutes.next_evaluation == date(2027, 3, 1)


def test_a_bad_date_keeps_what_was_typed(held, client_as):
    response = client_as("konsulent").post(_url(held.workshop), {"summary": "Mit udkast", "next_evaluation": "snart"})
    assert response.status_code == 200
    assert "next_evaluation" in response.context["form"].errors
    assert "Mit udkast" in html(response) and "form-error-message" in html(response)
    assert Minutes.objects.get(workshop=held.workshop).summary == ""


def test_the_next_evaluation_comes_after_the_workshop(held, client_as):
    response = client_as("konsulent").post(_url(held.workshop), {"summary": "Udkast", "next_evaluation": "2020-01-01"})
    assert response.status_code == 200 and "next_evaluation" in response.context["form"].errors
    assert Minutes.objects.get(workshop=held.workshop).next_evaluation != date(2020, 1, 1)


def test_hiding_a_card_takes_it_out_of_the_referat(held, client_as):
    client = client_as("konsulent")
    referat.ensure_draft(held.workshop)
    response = client.post(f"/referat/kort/{held.visible.pk}/skjul/", {"hidden": "1"})
    assert response.status_code == 302 and response["Location"].endswith(_url(held.workshop) + "#kort")
    assert Card.objects.get(pk=held.visible.pk).hidden
    content = referat.build(held.workshop, Minutes.objects.get(workshop=held.workshop))
    assert VISIBLE not in [card.text for block in content.boards[0].blocks for card in block.cards]
    client.post(f"/referat/kort/{held.hidden.pk}/skjul/", {"hidden": "0"})
    assert not Card.objects.get(pk=held.hidden.pk).hidden


def test_approving_is_recorded_and_a_second_click_changes_nothing(held, client_as, personas):
    minutes = _approve(client_as, held.workshop)
    assert minutes.status == MinutesStatus.APPROVED
    assert minutes.approved_by == personas["konsulent"] and minutes.approved_at is not None
    entry = minutes.history.first()
    assert entry.status == MinutesStatus.APPROVED and entry.history_user == personas["konsulent"]
    first_approval = minutes.approved_at
    history_size = minutes.history.count()
    again = _approve(client_as, held.workshop)
    assert again.approved_at == first_approval and again.history.count() == history_size


def test_a_workshop_that_is_not_closed_cannot_be_approved(demo, client_as):
    held = hold_workshop(demo, close=False)
    minutes = _approve(client_as, held.workshop)
    assert minutes.status == MinutesStatus.DRAFT


def test_approved_minutes_are_read_only_until_made_a_draft_again(held, client_as):
    _approve(client_as, held.workshop)
    client = client_as("konsulent")
    assert client.post(_url(held.workshop), {"summary": "Ændret bagefter"}).status_code == 302
    assert client.post(f"/referat/kort/{held.visible.pk}/skjul/", {"hidden": "1"}).status_code == 302
    minutes = Minutes.objects.get(workshop=held.workshop)
    assert minutes.summary == "" and not Card.objects.get(pk=held.visible.pk).hidden
    page = html(client.get(_url(held.workshop)))
    assert 'name="summary"' not in page and 'name="confirm"' in page
    # Without the confirmation nothing happens; with it, the minutes are a draft again, and readers
    # keep reading the approved version 1 (test_minutes_versions.py).
    client.post(_url(held.workshop, "kladde/"))
    assert Minutes.objects.get(workshop=held.workshop).is_approved
    client.post(_url(held.workshop, "kladde/"), {"confirm": "on"})
    minutes = Minutes.objects.get(workshop=held.workshop)
    assert minutes.status == MinutesStatus.DRAFT and minutes.approved_at is None
    assert 'name="summary"' in html(client.get(_url(held.workshop)))


def test_reopening_the_workshop_makes_approved_minutes_a_draft(held, client_as):
    _approve(client_as, held.workshop)
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/status/", {"status": WorkshopStatus.RUNNING})
    assert Minutes.objects.get(workshop=held.workshop).status == MinutesStatus.DRAFT
    assert "Der arbejdes på en ny version" in html(client_as("leder").get(_url(held.workshop)))


def test_the_facilitator_may_download_the_draft_marked_as_draft(held, client_as):
    response = client_as("konsulent").get(_url(held.workshop, "word/"))
    assert response.status_code == 200
    assert "kladde.docx" in response["Content-Disposition"]


# A closed workshop is read-only.


def test_a_closed_workshop_refuses_changes_to_sections_and_attendance(held, client_as):
    client = client_as("konsulent")
    workshop = held.workshop
    section = workshop.sections.first()
    title = section.title
    response = client.post(f"/sektioner/{section.pk}/rediger/", {"section-title": "Nyt navn"})
    assert response.status_code == 302 and response["Location"] == f"/workshops/{workshop.pk}/"
    section.refresh_from_db()
    assert section.title == title
    before = workshop.sections.count()
    client.post(f"/workshops/{workshop.pk}/sektioner/ny/", {"kind": "kortvaeg", "title": "Ekstra"})
    client.post(f"/sektioner/{section.pk}/slet/")
    assert workshop.sections.count() == before
    participant = workshop.round.process.participants.get(user__username="amr")
    client.post(f"/workshops/{workshop.pk}/fremmoede/", {f"p{participant.pk}": "fremmoede"})
    assert workshop.attendance.get(participant=participant).status == "afbud"
    assert client.get(f"/workshops/{workshop.pk}/rediger/").status_code == 302
