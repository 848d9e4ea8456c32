"""The audit trail: each kind of security event is recorded by the action that causes it, never
changed afterwards, shown to the municipality's administrators only (their municipality's events),
and downloaded as JSON lines."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client, RequestFactory
from tests.pages.naming import reverse  # names given bare, in parameters
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from samskab.administration.forms import OrganisationForm
from samskab.audit.models import AppendOnly, AuditEvent, Kind
from samskab.audit.queries import KEYS
from samskab.audit.services import address_of, audit_person_forget, audit_purge, audit_record
from samskab.demo.kommune import DEMO_PASSWORD
from samskab.organisations.models import Membership, Role
from tests.helpers import html
from tests.phone_helpers import demo_workshop, join, run
from tests.test_sign_in_oidc import entra, provider  # noqa: F401  (fixtures)
from tests.test_sign_in_oidc import sign_in as oidc_sign_in
from tests.test_sign_in_saml import answer as saml_answer
from tests.test_sign_in_saml import context_handler  # noqa: F401  (fixture)
from tests.test_sign_in_saml import post as saml_post
from tests.test_sign_in_saml import start as saml_start
from tests.test_sync_organisation import fake, kommune, person, sync  # noqa: F401  (fixtures)
from tests.test_totp import code_for


@pytest.fixture(autouse=True)
def empty_trail(db):
    """Each test starts with an empty trail (loading the demo records the roles it gives)."""
    audit_purge(before=timezone.now() + datetime.timedelta(seconds=1))


def signed_in(client_as, who: str) -> Client:
    """A client signed in as `who`, the sign-in itself left out of the trail."""
    client = client_as(who)
    audit_purge(before=timezone.now() + datetime.timedelta(seconds=1))
    return client


def only(kind: str, **lookups) -> AuditEvent:
    events = list(AuditEvent.objects.filter(kind=kind, **lookups))
    assert len(events) == 1, events
    return events[0]


# Sign-ins and sign-outs


def test_a_password_sign_in_is_recorded_with_method_address_and_municipality(personas):
    Client().post(reverse("accounts:login"), {"username": "konsulent", "password": DEMO_PASSWORD})
    event = only(Kind.SIGN_IN)
    assert event.user == personas["konsulent"] and event.username == "konsulent"
    assert event.details["method"] == "password" and event.address == "127.0.0.1"
    assert event.organisation_id == personas["konsulent"].organisation_id


def test_a_failed_sign_in_is_recorded_with_the_name_typed(personas):
    Client().post(reverse("accounts:login"), {"username": "leder", "password": "not-the-password"})
    Client().post(reverse("accounts:login"), {"username": "nobody-here", "password": "not-the-password"})
    known = only(Kind.SIGN_IN_FAILED, username="leder")
    assert known.user is None and known.organisation_id == personas["leder"].organisation_id
    assert known.details == {"method": "password", "known_account": True} and known.address == "127.0.0.1"
    unknown = only(Kind.SIGN_IN_FAILED, username="nobody-here")
    assert unknown.organisation is None and not unknown.details["known_account"]
    assert not AuditEvent.objects.filter(kind=Kind.SIGN_IN).exists()


def test_a_sign_out_is_recorded(client_as, personas):
    client_as("leder").post(reverse("accounts:logout"))
    assert only(Kind.SIGN_OUT).user == personas["leder"]


def test_the_code_step_is_recorded_as_a_totp_sign_in(personas):
    device = TOTPDevice.objects.create(user=personas["medarbejder"], name="Samskab", confirmed=True)
    client = Client()
    client.post(reverse("accounts:login"), {"username": "medarbejder", "password": DEMO_PASSWORD})
    assert only(Kind.SIGN_IN).details["method"] == "password"  # the code is still owed
    assert client.post(reverse("accounts:totp_verify"), {"code": code_for(device)}).status_code == 302
    assert only(Kind.SIGN_IN, details__method="totp").user == personas["medarbejder"]


def test_an_oidc_sign_in_and_the_role_the_provider_gives_are_recorded(entra, client):  # noqa: F811
    oidc_sign_in(client)
    event = only(Kind.SIGN_IN)
    assert event.details["method"] == "oidc" and event.organisation == entra
    given = only(Kind.MEMBERSHIP_ADDED)
    assert given.details["person_id"] == event.user_id and given.details["role"] == Role.LEADER
    assert given.organisation == entra and given.object_text.endswith("Hjemmeplejen Nord")


def test_a_saml_sign_in_is_recorded_with_its_method(context_handler, client):  # noqa: F811
    request, _query = saml_start(client)
    assert saml_post(client, saml_answer(request)).status_code == 302
    event = only(Kind.SIGN_IN)
    assert event.details["method"] == "saml" and event.organisation == context_handler
    assert only(Kind.MEMBERSHIP_ADDED).user is None  # given by the identity provider, not by a person


# Refusals and downloads


def test_a_refused_object_is_recorded_for_the_person_refused(demo, client_as, personas):
    url = reverse("actionplan:process_plan_xlsx", args=[demo.pk])
    assert client_as("nabo").get(url).status_code == 404
    event = only(Kind.ACCESS_REFUSED)
    assert event.user == personas["nabo"] and event.object_text == url
    assert event.details == {"page": "process_plan_xlsx", "pk": str(demo.pk)}
    assert event.organisation_id == personas["nabo"].organisation_id
    assert not AuditEvent.objects.filter(kind=Kind.DOWNLOAD).exists()


def test_a_download_is_recorded(demo, client_as, personas):
    url = reverse("actionplan:process_plan_xlsx", args=[demo.pk])
    assert client_as("konsulent").get(url).status_code == 200
    event = only(Kind.DOWNLOAD)
    assert event.user == personas["konsulent"] and event.details["page"] == "process_plan_xlsx"
    assert event.object_text == url


def test_a_persons_data_exported_by_the_administrator_is_recorded(client_as, personas):
    tr = personas["tr"]
    assert signed_in(client_as, "central").get(reverse("privacy:privacy_person_export", args=[tr.pk])).status_code == 200
    event = only(Kind.DOWNLOAD)
    assert event.user == personas["central"] and event.details == {"page": "privacy_person_export", "pk": str(tr.pk)}
    assert tr.get_full_name() not in event.object_text


def test_ordinary_pages_record_nothing(demo, client_as):
    client = signed_in(client_as, "konsulent")
    client.get(demo.get_absolute_url())
    client.get(reverse("processes:dashboard"))
    assert not AuditEvent.objects.exists()


# Roles and settings


def test_roles_given_and_taken_away_by_the_administrator_are_recorded(demo, client_as, personas):
    client = client_as("central")
    tr = personas["tr"]
    client.post(reverse("administration:administration_membership_add", args=[demo.unit.pk]), {"user": tr.pk, "role": Role.LEADER})
    given = only(Kind.MEMBERSHIP_ADDED)
    membership = Membership.objects.get(user=tr, unit=demo.unit, role=Role.LEADER)
    assert given.user == personas["central"] and given.object_id == str(membership.pk)
    assert given.details == {"person_id": tr.pk, "role": Role.LEADER, "unit_id": demo.unit.pk, "from_source": False}
    assert tr.get_full_name() not in given.object_text
    client.post(reverse("administration:administration_membership_remove", args=[membership.pk]))
    assert only(Kind.MEMBERSHIP_REMOVED).user == personas["central"]


def test_the_administrator_flag_given_and_taken_away_is_recorded(personas):
    leder = personas["leder"]
    leder.is_municipality_admin = True
    leder.save(update_fields=["is_municipality_admin"])
    leder.save()  # saved again unchanged: nothing more
    given = only(Kind.MEMBERSHIP_ADDED)
    assert given.details == {"person_id": leder.pk, "role": "municipality_admin"}
    assert given.organisation_id == leder.organisation_id
    leder.is_municipality_admin = False
    leder.save()
    assert only(Kind.MEMBERSHIP_REMOVED).details["person_id"] == leder.pk
    leder.save(update_fields=["last_login"])
    assert AuditEvent.objects.count() == 2


def test_the_municipality_settings_saved_are_recorded_without_the_values(demo, client_as, personas):
    organisation = personas["central"].organisation
    form = OrganisationForm(instance=organisation)
    data = {name: form[name].value() if form[name].value() is not None else "" for name in form.fields}
    data["dpo_email"] = "dpo@demo.test"
    assert client_as("central").post(reverse("administration:administration_settings"), data).status_code == 302
    event = only(Kind.SETTINGS_CHANGED)
    assert event.user == personas["central"] and event.organisation == organisation
    assert event.details["page"] == "administration_settings" and "dpo_email" in event.details["fields"]
    assert "dpo@demo.test" not in json.dumps(event.details)


@pytest.mark.parametrize(
    "name, data",
    [
        ("sign_in_settings", {"local_passwords": "on", "oidc_roles_claim": "roles"}),
        ("role_mappings", {"value": "Samskab.Leder", "role": Role.LEADER}),
        ("privacy_retention", {"workshop_raw_months": "3", "process_years": "10", "history_months": "12", "reminder_months": "1", "leaver_months": "6"}),
    ],
)
def test_sign_in_role_mapping_and_retention_settings_saved_are_recorded(client_as, personas, name, data):
    assert signed_in(client_as, "central").post(reverse(name), data).status_code == 302
    event = only(Kind.SETTINGS_CHANGED)
    assert event.user == personas["central"] and event.details["page"] == name
    assert event.details["fields"] == sorted(data)


def test_roles_the_organisation_sync_gives_are_recorded(kommune, fake):  # noqa: F811
    sync()
    given = only(Kind.MEMBERSHIP_ADDED)
    assert given.user is None and given.username == "" and given.address is None
    assert given.organisation == kommune and given.details["from_source"]
    assert given.details["person_id"] == person(10).pk


def test_settings_that_were_not_saved_are_not_recorded(client_as):
    assert signed_in(client_as, "central").post(reverse("administration:administration_settings"), {"name": ""}).status_code == 200
    assert not AuditEvent.objects.exists()


# The participants' anonymous paths


def test_the_participants_paths_record_no_address(demo, client_as):
    workshop = demo_workshop(demo)
    run(workshop)
    join(Client(), workshop)
    assert not AuditEvent.objects.exclude(address=None).exists()
    # A signed-in person refused on a phone's path: recorded, without the address.
    response = signed_in(client_as, "leder-syd").get("/w/ZZZZZZ/")
    assert response.status_code == 404
    event = only(Kind.ACCESS_REFUSED)
    assert event.address is None and event.details == {"page": "join_code", "code": "ZZZZZZ"}


def test_the_address_is_left_out_on_the_phone_paths_only():
    factory = RequestFactory()
    assert address_of(factory.get("/w/ABCD/deltag/")) is None
    assert address_of(factory.get("/w/")) is None
    assert address_of(factory.get("/forloeb/1/")) == "127.0.0.1"


# Append-only, purge, erasure


def test_an_event_cannot_be_changed_or_deleted(db):
    event = audit_record(kind=Kind.PURGE, details={"rows": 3})
    event.details = {"rows": 0}
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(kind=Kind.SIGN_IN)
    with pytest.raises(AppendOnly):
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).details == {"rows": 3}


def test_postgresql_itself_refuses_a_changed_event(db):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's")
    event = audit_record(kind=Kind.PURGE)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET kind = 'sign_in' WHERE id = %s", [event.pk])
    assert AuditEvent.objects.get(pk=event.pk).kind == Kind.PURGE


def test_the_purge_deletes_only_the_events_before_its_time(db):
    old = audit_record(kind=Kind.SIGN_OUT)
    AuditEvent.objects.create(kind=Kind.SIGN_OUT, when=timezone.now() - datetime.timedelta(days=400))
    assert audit_purge(before=timezone.now() - datetime.timedelta(days=365)) == 1
    assert list(AuditEvent.objects.all()) == [old]
    assert audit_purge(before=timezone.now() - datetime.timedelta(days=365)) == 0


def test_forgetting_a_person_replaces_their_names_but_keeps_the_events(personas):
    leder = personas["leder"]
    audit_record(kind=Kind.SIGN_IN, by=leder)
    audit_record(kind=Kind.SIGN_IN_FAILED, username=leder.email)
    audit_record(kind=Kind.DOWNLOAD, by=personas["central"], text=f"Eksport for {leder.get_full_name()}")
    assert audit_person_forget(user=leder, replacement="tidligere medarbejder") == 3
    texts = list(AuditEvent.objects.values_list("username", "object_text"))
    assert len(texts) == 3
    for name in (leder.username, leder.email, leder.get_full_name()):
        assert not any(name in text for row in texts for text in row)


def test_a_deleted_account_leaves_its_events_with_the_name(personas):
    event = audit_record(kind=Kind.SIGN_IN, by=personas["amr"])
    personas["amr"].delete()
    event = AuditEvent.objects.get(pk=event.pk)
    assert event.user is None and event.username == "amr"


# The administrators' page and the download


@pytest.fixture
def two_municipalities(personas, client_as):
    central, nabo = personas["central"], personas["nabo"]
    client = signed_in(client_as, "central")
    audit_record(kind=Kind.SIGN_IN, by=central, details={"method": "password"})
    audit_record(kind=Kind.SIGN_OUT, by=central)
    audit_record(kind=Kind.SIGN_IN, by=personas["leder"], details={"method": "saml"})
    audit_record(kind=Kind.SIGN_IN, by=nabo, details={"method": "password"})
    return client, nabo


def test_the_administrator_reads_their_municipalitys_events_only(two_municipalities):
    client, _nabo = two_municipalities
    page = html(client.get(reverse("audit:audit_trail")))
    assert "central" in page and "leder" in page and "(SAML)" in page and "(adgangskode)" in page
    assert "nabo" not in page.split("<table")[1]


def test_nobody_else_reaches_the_trail(two_municipalities, client_as):
    for who in ("konsulent", "leder", "nabo"):
        assert client_as(who).get(reverse("audit:audit_trail")).status_code == 404
        assert client_as(who).get(reverse("audit:audit_trail_export")).status_code == 404


def test_another_municipalitys_administrator_sees_only_their_own(two_municipalities, client_as):
    _central, nabo = two_municipalities
    nabo.is_municipality_admin = True
    nabo.save(update_fields=["is_municipality_admin"])
    lines = b"".join(client_as("nabo").get(reverse("audit:audit_trail_export")).streaming_content).decode().splitlines()
    rows = [json.loads(line) for line in lines]
    assert {row["username"] for row in rows} == {"nabo", ""}  # "": the administrator flag given outside a request
    assert {row["organisation_id"] for row in rows} == {nabo.organisation_id}


def test_the_filters_by_kind_person_and_date(two_municipalities):
    client, _nabo = two_municipalities
    table = html(client.get(reverse("audit:audit_trail"), {"kind": Kind.SIGN_OUT})).split("<tbody>")[1]
    assert table.count("<tr>") == 1 and "central" in table
    table = html(client.get(reverse("audit:audit_trail"), {"person": "leder"})).split("<tbody>")[1]
    assert table.count("<tr>") == 1 and "SAML" in table
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    table = html(client.get(reverse("audit:audit_trail"), {"since": tomorrow})).split("<tbody>")[1]
    assert table.count("<tr>") == 1 and "colspan" in table  # "no events"
    today = timezone.localdate().isoformat()
    table = html(client.get(reverse("audit:audit_trail"), {"since": today, "until": today})).split("<tbody>")[1]
    assert table.count("<tr>") == 3


def test_a_wrong_date_range_says_so_and_keeps_what_was_typed(two_municipalities, client_as):
    response = client_as("central").get(reverse("audit:audit_trail"), {"since": "2026-12-07", "until": "2026-12-01", "person": "leder"})
    assert response.status_code == 200
    assert response.context["form"].errors["until"]
    assert 'value="leder"' in html(response)


def test_the_trail_is_paginated(personas, client_as):
    for _ in range(55):
        audit_record(kind=Kind.SIGN_OUT, by=personas["central"])
    client = client_as("central")
    first = html(client.get(reverse("audit:audit_trail"), {"kind": Kind.SIGN_OUT}))
    assert first.split("<tbody>")[1].count("<tr>") == 50 and "side=2" in first and "kind=sign_out" in first
    second = html(client.get(reverse("audit:audit_trail"), {"kind": Kind.SIGN_OUT, "side": "2"}))
    assert second.split("<tbody>")[1].count("<tr>") == 5 and "side=1" in second


def test_the_download_is_json_lines_with_stable_keys_in_recorded_order(two_municipalities):
    client, _nabo = two_municipalities
    response = client.get(reverse("audit:audit_trail_export"), {"kind": Kind.SIGN_IN})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/jsonl")
    assert response["Content-Disposition"].startswith('attachment; filename="revisionsspor-')
    rows = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert [row["username"] for row in rows] == ["central", "leder"]
    assert all(list(row) == list(KEYS) for row in rows)
    assert rows[0]["details"] == {"method": "password"} and rows[0]["when"].endswith("+00:00")
    # The download itself is recorded.
    assert only(Kind.DOWNLOAD).details["page"] == "audit_trail_export"


def test_the_export_command_prints_json_lines_since_a_time(two_municipalities):
    old = AuditEvent.objects.create(kind=Kind.SIGN_OUT, when=timezone.now() - datetime.timedelta(days=3))
    out = io.StringIO()
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    call_command("audit_export", "--since", since, stdout=out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(rows) == 4 and old.pk not in {row["id"] for row in rows}
    out = io.StringIO()
    call_command("audit_export", "--after-id", str(rows[1]["id"]), stdout=out)
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == [row["id"] for row in rows[2:]] + [old.pk]
