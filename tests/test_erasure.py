"""Erasing a person: their name and email are nowhere afterwards; decisions and referater stay."""

import json
from datetime import timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from samskab.accounts.models import User
from samskab.audit.models import AuditEvent, Kind
from samskab.audit.services import audit_record
from samskab.decisions.models import Decision
from samskab.privacy.models import Erasure
from samskab.processes.models import Participant
from samskab.rounds.models import Action
from samskab.workshops.models import MinutesVersion
from tests.helpers import html


def found_anywhere(*needles: str) -> list[str]:
    """Every table's text and JSON columns (history tables included) that hold one of `needles`."""
    needles = [needle.lower() for needle in needles]
    hits = []
    for model in apps.get_models(include_auto_created=True):
        for column in model._meta.concrete_fields:
            if not isinstance(column, (models.CharField, models.TextField, models.JSONField)):
                continue
            for value in model.objects.values_list(column.name, flat=True).iterator():
                text = json.dumps(value, ensure_ascii=False) if isinstance(column, models.JSONField) else (value or "")
                if any(needle in text.lower() for needle in needles):
                    hits.append(f"{model._meta.label}.{column.name}")
    return hits


def test_after_erasure_the_name_and_email_are_nowhere_and_the_referat_is_refrozen(client_as, personas):
    person = personas["bo.konsulent"]
    name, email = person.get_full_name(), person.email
    assert found_anywhere(name, email)
    version = next(
        v for v in MinutesVersion.objects.all() if name in json.dumps(v.content, ensure_ascii=False) or v.approved_by_name == name
    )
    audit_record(kind=Kind.SIGN_IN, by=person, text=f"{name} <{email}>")
    client = client_as("central")
    assert name in html(client.get(f"/administration/persondata/personer/{person.pk}/slet/"))

    response = client.post(f"/administration/persondata/personer/{person.pk}/slet/", {"confirm": "on"})

    assert response.status_code == 302
    assert found_anywhere(name, email) == []
    person.refresh_from_db()
    assert str(person) == "Tidligere medarbejder" and not person.is_active and not person.has_usable_password()
    assert not person.memberships.exists()
    erasure = Erasure.objects.get(person=person)
    assert erasure.by == personas["central"]
    event = AuditEvent.objects.get(kind=Kind.ERASURE)
    assert event.user == personas["central"] and event.object_id == str(person.pk)
    changed = MinutesVersion.objects.get(pk=version.pk)
    assert changed.checksum != version.checksum
    assert {"document": "workshops.MinutesVersion", "id": version.pk, "checksum_before": version.checksum, "checksum_after": changed.checksum} in erasure.versions
    assert "tidligere medarbejder" in json.dumps(changed.content, ensure_ascii=False) + changed.approved_by_name.lower()
    assert f"/personer/{person.pk}/slet/" not in html(client.get("/administration/persondata/personer/"))
    assert changed.pdf != version.pdf


def test_open_actions_get_a_new_owner_first_and_decisions_stay(client_as, personas):
    person = personas["solsikken.leder"]
    name, email = person.get_full_name(), person.email
    assert person.memberships.exists()
    decision = Decision.objects.get(decided_by__user=person)
    mine = Participant.objects.get(user=person, process=decision.round.process)
    other = Participant.objects.filter(process=mine.process).exclude(pk=mine.pk).first()
    action = Action.objects.create(round=decision.round, what="Ny vagtplan", owner=mine, deadline=timezone.localdate() + timedelta(days=7))
    url = f"/administration/persondata/personer/{person.pk}/slet/"
    client = client_as("central")
    assert "Ny vagtplan" in html(client.get(url))

    refused = client.post(url, {"confirm": "on"})
    assert refused.status_code == 200 and "Dette felt er påkrævet" in html(refused)
    person.refresh_from_db()
    assert person.is_active

    assert client.post(url, {"confirm": "on", f"action_{action.pk}": other.pk}).status_code == 302

    action.refresh_from_db()
    assert action.owner == other
    assert found_anywhere(name, email) == []
    decision.refresh_from_db()
    assert str(decision.decided_by.user) == "Tidligere medarbejder"


def test_only_the_municipality_administrator_erases_and_not_themself(client_as, personas):
    leder = personas["leder"]
    assert client_as("konsulent").get(f"/administration/persondata/personer/{leder.pk}/slet/").status_code == 404
    central = client_as("central")
    assert central.get(f"/administration/persondata/personer/{personas['central'].pk}/slet/").status_code == 404
    assert central.get(f"/administration/persondata/personer/{personas['nabo'].pk}/slet/").status_code == 404
    gone = personas["medarbejder"]
    User.objects.filter(pk=gone.pk).update(is_active=False)  # left: the organisation sync made them inactive
    page = html(central.get("/administration/persondata/personer/"))
    assert f"/personer/{gone.pk}/slet/" in page and f"/personer/{leder.pk}/slet/" in page and f"/personer/{personas['nabo'].pk}/" not in page
    assert client_as("leder").get("/administration/persondata/personer/").status_code == 404


def test_the_people_list_still_lists_everyone_after_an_erased_person_row_is_gone(client_as, personas):
    """An erasure whose person was later deleted keeps a NULL person; the list must not go empty."""
    central = personas["central"]
    Erasure.objects.create(organisation=central.organisation, person=None, by=central)

    page = html(client_as("central").get("/administration/persondata/personer/"))

    assert personas["leder"].get_full_name() in page
