"""Until the referat is approved, the workshop's content (cards, læringspunkter, aftaler) is the facilitators'.

An aftale (an action agreed at the workshop) and its "why" stay out of the round's action plan,
its Excel file and calendar invitations for every other reader of the forløb, until the referat
is approved, and again while a new version of it is prepared. Its owner sees their own aftale.
"""

from datetime import timedelta
from io import BytesIO

import pytest
from tests.pages.naming import reverse  # names given bare, in parameters
from openpyxl import load_workbook

from samskab.comparison.compare import compare
from samskab.rounds.models import Action
from samskab.workshops import services
from samskab.workshops.access import sees_content
from samskab.workshops.models import Card
from tests.helpers import html, today
from tests.minutes_helpers import VISIBLE, hold_workshop

SECRET = "Tal med Jens om hans sygefravær"
WHY = "Han har været væk tre gange i år"
PLAIN = "Bestil nye tablets"  # an action made in the action plan, not at the workshop

READERS = ["med", "medarbejder", "amr", "central", "leder"]  # central and leder edit the forløb but do not facilitate


@pytest.fixture
def held(demo):
    held = hold_workshop(demo)
    workshop = held.workshop
    tr = workshop.round.process.participants.get(user__username="tr")
    held.secret = Action.objects.create(
        round=workshop.round, section=workshop.sections.first(), what=SECRET, why=WHY, owner=tr, deadline=today() + timedelta(days=10)
    )
    Action.objects.create(round=workshop.round, what=PLAIN, owner=tr, deadline=today() + timedelta(days=20))
    return held


def _plan(client, held) -> str:
    return html(client.get(reverse("actionplan:round_plan", args=[held.workshop.round.pk])))


def _xlsx(client, url_name: str, pk: int) -> str:
    sheet = load_workbook(BytesIO(client.get(reverse(url_name, args=[pk])).content)).active
    return "\n".join(str(value) for line in sheet.iter_rows(values_only=True) for value in line if value is not None)


def _everything(client, held) -> str:
    """What `client` can read about the round's actions: both plans, both Excel files."""
    evaluation_round = held.workshop.round
    process = evaluation_round.process
    return "\n".join(
        [
            _plan(client, held),
            html(client.get(reverse("actionplan:process_plan", args=[process.pk]))),
            _xlsx(client, "round_plan_xlsx", evaluation_round.pk),
            _xlsx(client, "process_plan_xlsx", process.pk),
        ]
    )


def _approve(client_as, held) -> None:
    assert client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/godkend/").status_code == 302


@pytest.mark.parametrize("who", READERS)
def test_before_approval_readers_see_no_aftale_and_no_why(held, client_as, who):
    seen = _everything(client_as(who), held)
    assert SECRET not in seen and WHY not in seen
    assert PLAIN in seen  # the plan itself is there
    client = client_as(who)
    assert client.get(reverse("actionplan:action_ics", args=[held.secret.pk])).status_code == 404
    assert client.get(reverse("actionplan:plan_action_edit", args=[held.secret.pk])).status_code == 404


def test_before_approval_an_editor_cannot_delete_an_aftale_they_cannot_see(held, client_as):
    assert client_as("leder").post(reverse("actionplan:plan_action_delete", args=[held.secret.pk])).status_code == 404
    assert Action.objects.filter(pk=held.secret.pk).exists()


def test_the_owner_sees_their_own_aftale_before_approval(held, client_as):
    owner = client_as("tr")
    assert SECRET in _everything(owner, held) and WHY in _everything(owner, held)
    assert SECRET in html(owner.get(reverse("actionplan:my_actions")))
    invitation = owner.get(reverse("actionplan:action_ics", args=[held.secret.pk]))
    assert invitation.status_code == 200 and WHY in invitation.content.decode().replace("\r\n ", "")


def test_the_facilitator_sees_every_aftale_before_approval(held, client_as):
    seen = _everything(client_as("konsulent"), held)
    assert SECRET in seen and WHY in seen


@pytest.mark.parametrize("who", ["med", "leder"])
def test_after_approval_every_reader_sees_the_aftaler(held, client_as, who):
    _approve(client_as, held)
    seen = _everything(client_as(who), held)
    assert SECRET in seen and WHY in seen
    assert client_as(who).get(reverse("actionplan:action_ics", args=[held.secret.pk])).status_code == 200


def test_while_a_new_version_is_prepared_the_aftaler_are_the_facilitators_again(held, client_as):
    _approve(client_as, held)
    client_as("konsulent").post(f"/workshops/{held.workshop.pk}/referat/kladde/", {"confirm": "on"})
    assert SECRET not in _everything(client_as("med"), held)
    assert SECRET in _everything(client_as("tr"), held)


def test_the_comparison_counts_only_the_actions_the_reader_may_see(held, personas):
    first = held.workshop.round
    second = services.round_start(process=first.process, by=None)
    counted = {who: compare(first, second, seen_by=personas[who])["actions_a"].total for who in ("med", "konsulent")}
    assert counted["konsulent"] == counted["med"] + 2  # the demo aftale and the secret one


def test_one_rule_for_cards_too(held, personas):
    cards = Card.objects.filter(section__workshop=held.workshop, text=VISIBLE)
    assert not cards.filter(sees_content(personas["med"], "section__workshop")).exists()
    assert cards.filter(sees_content(personas["konsulent"], "section__workshop")).exists()
