"""manage.py sync_organisation against a recorded fake of OS2mo (no network) and from a CSV export."""

import types
from functools import partial
from io import StringIO

import httpx
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samskab.accounts.models import User
from samskab.organisations.models import Membership, Organisation, Role, Unit, UnitKind
from samskab.organisations.sync import os2mo
from tests.os2mo_fake import TOKEN_URL, URL, FakeOS2mo, uid


@pytest.fixture
def kommune(db) -> Organisation:
    return Organisation.objects.create(name="Testkommune", slug="testkommune", data_controller="Testkommune")


@pytest.fixture
def fake(settings, monkeypatch) -> FakeOS2mo:
    """OS2mo with a small tree: Testkommune > Ældre og Sundhed > Hjemmeplejen (led by Lene) and Tandplejen."""
    settings.OS2MO_URL, settings.OS2MO_TOKEN_URL = URL, TOKEN_URL
    settings.OS2MO_CLIENT_ID, settings.OS2MO_CLIENT_SECRET = "samskab", "hemmelig"
    server = FakeOS2mo()
    server.unit(1, "Testkommune")
    server.unit(2, "Ældre og Sundhed", parent=1)
    server.unit(3, "Hjemmeplejen", parent=2)
    server.unit(4, "Tandplejen", parent=1)
    server.employee(10, "Lene", "Lauridsen", user_key="lela", email="lela@test.dk")
    server.employee(11, "Mads", "Møller", user_key="mamo")
    server.manager(3, 10)
    server.manager(4, None)  # a vacant post
    monkeypatch.setattr(os2mo, "PAGE_SIZE", 2)
    monkeypatch.setattr(os2mo, "httpx", types.SimpleNamespace(Client=partial(httpx.Client, transport=server.transport), HTTPError=httpx.HTTPError))
    return server


def sync(*args) -> str:
    out = StringIO()
    call_command("sync_organisation", "testkommune", *args, stdout=out)
    return out.getvalue()


def unit(n: int) -> Unit:
    return Unit.objects.get(source_uuid=uid(n))


def person(n: int) -> User:
    return User.objects.get(source_uuid=uid(n))


def test_the_first_sync_builds_the_tree_the_people_and_the_leaders(kommune, fake):
    output = sync()
    top, area, home, teeth = unit(1), unit(2), unit(3), unit(4)
    assert top.parent is None and top.kind == UnitKind.MUNICIPALITY and top.organisation == kommune
    assert area.parent == top and home.parent == area and teeth.parent == top
    assert home.path == f"{top.pk}/{area.pk}/{home.pk}/"
    lene = person(10)
    assert (lene.username, lene.email, lene.organisation) == ("lela", "lela@test.dk", kommune)
    assert not lene.has_usable_password()
    assert Membership.objects.get(unit=home, role=Role.LEADER, from_source=True).user == lene
    assert not Membership.objects.filter(unit=teeth).exists()
    assert "create     unit   Hjemmeplejen (below Ældre og Sundhed)" in output
    assert "Testkommune: 7 changes made." in output  # 4 units, 2 people, 1 leader
    # Every page was read: 4 units and 2 managers in pages of 2, 2 employees in one page.
    assert [q["cursor"] for q in fake.queries if q["list"] == "org_units"] == [None, "2"]
    assert [q["cursor"] for q in fake.queries if q["list"] == "managers"] == [None]


def test_a_second_run_changes_nothing(kommune, fake):
    sync()
    assert sync().strip().endswith("0 changes made.")


def test_a_unit_moved_to_another_parent_takes_its_units_along(kommune, fake):
    sync()
    fake.unit(5, "Hjemmeplejen Nord", parent=3)
    sync()
    fake.units[2]["current"]["parent_uuid"] = uid(4)  # Hjemmeplejen moves below Tandplejen
    output = sync()
    assert "move       unit   Hjemmeplejen: from Ældre og Sundhed to Tandplejen" in output
    assert unit(3).parent == unit(4)
    assert unit(5).path == f"{unit(1).pk}/{unit(4).pk}/{unit(3).pk}/{unit(5).pk}/"


def test_a_renamed_unit_and_person_are_updated(kommune, fake):
    sync()
    fake.units[3]["current"]["name"] = "Tandplejen Syd"
    fake.employees[1]["current"]["surname"] = "Madsen"
    output = sync()
    assert unit(4).name == "Tandplejen Syd" and person(11).last_name == "Madsen"
    assert "update     unit   Tandplejen is now called Tandplejen Syd" in output


def test_what_disappeared_is_made_inactive_never_deleted_and_comes_back(kommune, fake):
    sync()
    home = unit(3)
    fake.units.pop(2)
    fake.managers.pop(0)
    fake.employees.pop(0)
    output = sync()
    home.refresh_from_db()
    assert not home.active and Unit.objects.filter(pk=home.pk).exists()
    assert not person(10).is_active and person(10).left_on == timezone.localdate()
    assert person(11).left_on is None
    assert "deactivate unit   Hjemmeplejen" in output and "deactivate person Lene Lauridsen" in output
    fake.unit(3, "Hjemmeplejen", parent=2)
    fake.employee(10, "Lene", "Lauridsen", user_key="lela", email="lela@test.dk")
    sync()
    assert unit(3).active and person(10).is_active and unit(3).pk == home.pk
    assert person(10).left_on is None


def test_a_leader_replaced_loses_the_role_and_the_new_leader_gets_it(kommune, fake):
    sync()
    home = unit(3)
    by_hand = Membership.objects.create(user=person(11), unit=unit(2), role=Role.LEADER)  # given in Samskab
    fake.managers[0]["current"]["employee_uuid"] = uid(11)
    output = sync()
    leaders = Membership.objects.filter(unit=home, role=Role.LEADER)
    assert [m.user for m in leaders] == [person(11)]
    assert Membership.objects.filter(pk=by_hand.pk).exists()  # the sync leaves roles given in Samskab alone
    assert "remove     leader Lene Lauridsen no longer leads Hjemmeplejen" in output
    assert "add        leader Mads Møller leads Hjemmeplejen" in output


def test_a_dry_run_prints_what_would_change_and_changes_nothing(kommune, fake):
    output = sync("--dry-run")
    assert "create     unit   Testkommune (at the top)" in output
    assert "would be made (dry run; nothing changed)" in output
    assert not Unit.objects.filter(organisation=kommune).exists()
    assert not User.objects.filter(organisation=kommune).exists()


def test_an_expired_token_is_replaced_and_the_sync_goes_on(kommune, fake):
    fake.expire_token_after = 2  # OS2mo answers the third query with HTTP 200 and an error
    sync()
    assert fake.tokens_issued >= 2
    assert Unit.objects.filter(organisation=kommune).count() == 4


def test_a_refused_client_changes_nothing(kommune, fake, settings):
    settings.OS2MO_CLIENT_SECRET = "forkert"
    with pytest.raises(CommandError, match="Nothing was changed"):
        sync()
    assert not Unit.objects.filter(organisation=kommune).exists()


def test_the_top_unit_typed_into_samskab_becomes_the_source_top(kommune, fake):
    top = Unit.objects.create(organisation=kommune, name="Testkommune", kind=UnitKind.MUNICIPALITY)
    sync()
    assert unit(1).pk == top.pk
    assert Unit.objects.filter(organisation=kommune, parent=None).count() == 1


def test_an_unknown_municipality_is_refused(db):
    with pytest.raises(CommandError, match="No municipality"):
        sync()


CSV = """type;uuid;name;parent_uuid;first_name;last_name;username;email;leader_of
enhed;{u1};Testkommune;;;;;;
enhed;{u2};Ældre og Sundhed;{u1};;;;;
enhed;{u3};Hjemmeplejen;{u2};;;;;
person;{p};;;Lene;Lauridsen;lela;lela@test.dk;{u3}
"""


def test_a_csv_export_fills_the_organisation(kommune, tmp_path):
    export = tmp_path / "organisation.csv"
    export.write_text("\ufeff" + CSV.format(u1=uid(1), u2=uid(2), u3=uid(3), p=uid(10)), encoding="utf-8")
    sync("--csv", str(export))
    assert unit(3).parent == unit(2) and unit(2).parent == unit(1)
    assert Membership.objects.get(unit=unit(3), role=Role.LEADER).user == person(10)
    export.write_text(CSV.format(u1=uid(1), u2=uid(2), u3=uid(3), p=uid(10)).replace(f"enhed;{uid(3)};Hjemmeplejen;{uid(2)};;;;;\n", ""))
    output = sync("--csv", str(export))
    assert not unit(3).active
    assert "remove     leader Lene Lauridsen no longer leads Hjemmeplejen" in output


def test_a_csv_line_that_is_not_a_uuid_is_named(kommune, tmp_path):
    export = tmp_path / "organisation.csv"
    export.write_text("type,uuid,name\nenhed,not-a-uuid,Testkommune\n")
    with pytest.raises(CommandError, match="Line 2"):
        sync("--csv", str(export))
    assert not Unit.objects.filter(organisation=kommune).exists()


def test_units_not_below_a_top_unit_are_named_and_left_alone(kommune, fake):
    sync()
    fake.units[3]["current"]["parent_uuid"] = uid(99)  # Tandplejen's parent is not in the source
    fake.unit(6, "Løkke A", parent=7)
    fake.unit(7, "Løkke B", parent=6)
    output = sync()
    assert "skip       unit   Tandplejen" in output and "skip       unit   Løkke A" in output
    assert unit(4).active and unit(4).parent == unit(1)
    assert not Unit.objects.filter(source_uuid__in=[uid(6), uid(7)]).exists()


def test_an_empty_source_changes_nothing(kommune, fake):
    sync()
    fake.units.clear()
    with pytest.raises(CommandError, match="no units"):
        sync()
    assert unit(3).active
