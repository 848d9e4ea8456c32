"""People who left the organisation: `manage.py purge` erases them once their municipality's period has run."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from samskab.audit.models import AuditEvent, Kind
from samskab.privacy.erasure import open_actions
from samskab.privacy.models import Erasure, RetentionPeriods
from samskab.processes.models import Participant
from samskab.rounds.models import Action, EvaluationRound
from tests.helpers import html


def purge(*args) -> str:
    out = StringIO()
    call_command("purge", *args, stdout=out)
    return out.getvalue()


def left(person, days_ago: int, *, active=False):
    person.is_active, person.left_on = active, timezone.localdate() - timedelta(days=days_ago)
    person.save(update_fields=["is_active", "left_on"])
    return person


@pytest.fixture
def people(personas):
    """Four colleagues in Demo Kommune without open actions; the last one is then given one."""
    organisation = personas["central"].organisation
    colleagues = [
        p for name, p in sorted(personas.items())
        if p.organisation == organisation and name != "central" and Participant.objects.filter(user=p).exists()
        and not open_actions(p).exists()
    ]
    due, recent, active, owner = colleagues[:4]
    mine = Participant.objects.filter(user=owner).first()
    Action.objects.create(
        round=EvaluationRound.objects.filter(process=mine.process).first(),
        what="Ny vagtplan",
        owner=mine,
        deadline=timezone.localdate() + timedelta(days=7),
    )
    return {"due": due, "recent": recent, "active": active, "owner": owner}


def test_purge_erases_a_leaver_past_the_period_and_no_one_else(people):
    due = left(people["due"], 200)  # the default period is 6 months
    recent = left(people["recent"], 150)
    active = left(people["active"], 400, active=True)  # found again by the sync, by hand
    owner = left(people["owner"], 400)
    names = {key: person.get_full_name() for key, person in people.items()}

    listed = purge("--dry-run")

    assert f"person #{due.pk}" in listed and names["due"] in listed and "would be erased" in listed
    assert f"person #{owner.pk}" in listed and "needs a new owner first" in listed
    assert f"#{recent.pk}," not in listed and f"#{active.pk}," not in listed
    assert not Erasure.objects.exists()

    output = purge()

    assert f"person #{due.pk}, left" in output and "1 person(s) who left erased." in output
    for person in people.values():
        person.refresh_from_db()
    assert str(due) == "Tidligere medarbejder" and not due.email
    assert [e.person for e in Erasure.objects.all()] == [due] and Erasure.objects.get().by is None
    assert AuditEvent.objects.filter(kind=Kind.ERASURE, user=None, object_id=str(due.pk)).exists()
    assert (recent.get_full_name(), active.get_full_name(), owner.get_full_name()) == (names["recent"], names["active"], names["owner"])
    assert active.is_active and open_actions(owner).exists()

    again = purge()

    assert f"#{due.pk}," not in again and "who left erased" not in again and Erasure.objects.count() == 1
    assert "needs a new owner first" in again


def test_a_municipality_with_a_longer_period_keeps_its_leaver(people):
    due = left(people["due"], 200)
    RetentionPeriods.objects.create(organisation=due.organisation, leaver_months=12)

    assert f"#{due.pk}," not in purge("--dry-run")


def test_the_retention_page_saves_the_period_for_people_who_left(client_as, personas):
    client = client_as("central")
    page = html(client.get("/administration/persondata/"))
    assert "Personer, der er fratrådt (måneder)" in page

    response = client.post(
        "/administration/persondata/",
        {"workshop_raw_months": "6", "process_years": "5", "history_months": "24", "reminder_months": "3", "leaver_months": "2"},
    )

    assert response.status_code == 302
    assert RetentionPeriods.objects.get(organisation=personas["central"].organisation).leaver_months == 2
    privacy = html(client.get(f"/privatliv/{personas['central'].organisation.slug}/"))
    assert "2 måneder efter din fratræden" in privacy
