"""The access functions: who reaches which units and forløb, and how far."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.accounts.models import User
from samskab.organisations.access import get_unit_for_user, visible_units
from samskab.organisations.models import MedCommittee, Membership, Role, Unit
from samskab.processes.access import (
    Access,
    can_create_process,
    get_process_for_user,
    process_access,
    visible_processes,
)
from samskab.processes.models import Participant, Process


@pytest.fixture
def world(demo) -> dict:
    """The demo's units and forløb by short names."""
    units = {unit.name: unit for unit in Unit.objects.all()}
    return {
        "root": units["Demo Kommune"],
        "elder": units["Ældre og Sundhed"],
        "homecare": units["Hjemmeplejen"],
        "north": units["Hjemmeplejen Nord"],
        "south": units["Hjemmeplejen Syd"],
        "children": units["Børn og Unge"],
        "nursery": units["Børnehuset Solsikken"],
        "neighbour": units["Nabo Kommune"],
        "north_process": demo,
        "south_process": Process.objects.get(title="Færre faste skemaer"),
        "neighbour_process": Process.objects.get(title="Enklere indkøb"),
    }


def person(username: str, world: dict) -> User:
    """A new person in Demo Kommune with no role anywhere yet."""
    return User.objects.create(username=username, organisation=world["root"].organisation)


def reload(user: User) -> User:
    """The access scope is cached on the user object for one request: start a new one."""
    return User.objects.get(pk=user.pk)


def names(units) -> set[str]:
    return {unit.name for unit in units}


def titles(processes) -> set[str]:
    return {process.title for process in processes}


def test_a_role_reaches_down_the_tree_and_not_up_or_sideways(world):
    leader = person("omraadeleder", world)
    Membership.objects.create(user=leader, unit=world["homecare"], role=Role.LEADER)
    assert names(visible_units(leader)) == {"Hjemmeplejen", "Hjemmeplejen Nord", "Hjemmeplejen Syd"}
    assert titles(visible_processes(leader)) == {"Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer"}
    assert process_access(leader, world["north_process"]) == Access.EDIT
    assert process_access(leader, world["south_process"]) == Access.EDIT
    assert can_create_process(leader, world["south"])
    assert not can_create_process(leader, world["elder"])


def test_the_central_consultant_edits_everything_in_the_municipality(world, personas):
    central = personas["central"]
    assert names(visible_units(central)) == names(Unit.objects.exclude(name="Nabo Kommune"))
    assert process_access(central, world["north_process"]) == Access.EDIT
    assert process_access(central, world["neighbour_process"]) == Access.NONE
    assert "Enklere indkøb" not in titles(visible_processes(central))


def test_an_employee_role_reads_but_does_not_edit(world):
    employee = person("ny-medarbejder", world)
    Membership.objects.create(user=employee, unit=world["north"], role=Role.EMPLOYEE)
    assert process_access(employee, world["north_process"]) == Access.READ
    assert process_access(employee, world["south_process"]) == Access.NONE
    assert names(visible_units(employee)) == {"Hjemmeplejen Nord"}
    assert not can_create_process(employee, world["north"])


def test_a_med_committee_reads_its_unit_and_below(world, personas):
    med = personas["med"]
    assert names(visible_units(med)) == {"Hjemmeplejen", "Hjemmeplejen Nord", "Hjemmeplejen Syd"}
    assert process_access(med, world["north_process"]) == Access.READ
    assert process_access(med, world["south_process"]) == Access.READ
    assert not can_create_process(med, world["homecare"])


def test_the_main_committee_reads_the_whole_municipality(world):
    member = person("hovedudvalg", world)
    MedCommittee.objects.get(name="Hovedudvalget").members.add(member)
    assert titles(visible_processes(member)) == {
        "Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer", "Mere tid på stuerne"  # the last from samskab/demo/bank.py
    }
    assert process_access(member, world["south_process"]) == Access.READ
    assert "Børnehuset Solsikken" in names(visible_units(member))


def test_a_participant_contributes_to_the_process_and_sees_only_its_unit(world):
    guest = person("gaest", world)
    Participant.objects.create(process=world["north_process"], user=guest, role=Role.EMPLOYEE)
    assert process_access(guest, world["north_process"]) == Access.CONTRIBUTE
    assert process_access(guest, world["south_process"]) == Access.NONE
    assert titles(visible_processes(guest)) == {"Mindre bøvl, mere tid hos borgerne"}
    assert names(visible_units(guest)) == {"Hjemmeplejen Nord"}
    assert not can_create_process(guest, world["north"])


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.LEADER])
def test_a_facilitator_or_leader_in_the_process_edits_it(world, role):
    facilitator = person("ekstern-facilitator", world)
    Participant.objects.create(process=world["north_process"], user=facilitator, role=role)
    assert process_access(facilitator, world["north_process"]) == Access.EDIT
    assert process_access(facilitator, world["south_process"]) == Access.NONE


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.TR, Role.AMR])
def test_other_roles_in_the_process_contribute(world, role):
    participant = person("deltager", world)
    Participant.objects.create(process=world["north_process"], user=participant, role=role)
    assert process_access(participant, world["north_process"]) == Access.CONTRIBUTE


def test_the_strongest_access_wins(world, personas):
    # The leader of Hjemmeplejen Nord also sits in the MED committee: still EDIT.
    assert process_access(personas["leder"], world["north_process"]) == Access.EDIT
    # The TR takes part (contribute) and sits in the MED committee (read): contribute.
    assert process_access(personas["tr"], world["north_process"]) == Access.CONTRIBUTE
    assert process_access(personas["tr"], world["south_process"]) == Access.READ


def test_another_municipality_reaches_nothing(world, personas):
    nabo = personas["nabo"]
    for key in ("north_process", "south_process"):
        assert process_access(nabo, world[key]) == Access.NONE
    assert titles(visible_processes(nabo)) == {"Enklere indkøb"}
    assert names(visible_units(nabo)) == {"Nabo Kommune"}
    assert not can_create_process(nabo, world["north"])


def test_a_role_in_another_municipality_gives_nothing_here(world, personas):
    """Even a membership row pointing across the border (the admin should prevent it) opens nothing."""
    nabo = personas["nabo"]
    Membership.objects.create(user=nabo, unit=world["root"], role=Role.CONSULTANT)
    Participant.objects.create(process=world["north_process"], user=nabo, role=Role.CONSULTANT)
    nabo = reload(nabo)
    assert process_access(nabo, world["north_process"]) == Access.NONE
    assert "Mindre bøvl, mere tid hos borgerne" not in titles(visible_processes(nabo))
    assert names(visible_units(nabo)) == {"Nabo Kommune"}
    assert not can_create_process(nabo, world["north"])


def test_a_person_without_a_municipality_sees_nothing(world, personas):
    admin = personas["admin"]
    assert not visible_units(admin).exists()
    assert not visible_processes(admin).exists()
    assert process_access(admin, world["north_process"]) == Access.NONE


def test_a_person_with_no_role_sees_nothing(world):
    nobody = person("ingen", world)
    assert not visible_units(nobody).exists()
    assert not visible_processes(nobody).exists()
    assert process_access(nobody, world["north_process"]) == Access.NONE


def test_the_getters_raise_404_when_hidden_and_403_when_not_allowed(world, personas):
    north = world["north_process"]
    assert get_process_for_user(personas["med"], north.pk) == north
    with pytest.raises(PermissionDenied):
        get_process_for_user(personas["med"], north.pk, Access.CONTRIBUTE)
    with pytest.raises(Http404):
        get_process_for_user(personas["leder-syd"], north.pk)
    with pytest.raises(Http404):
        get_process_for_user(personas["central"], 999999)
    with pytest.raises(Http404):
        get_unit_for_user(personas["leder-syd"], world["north"].pk)
    assert get_unit_for_user(personas["leder-syd"], world["south"].pk) == world["south"]


def test_a_moved_unit_takes_its_access_along(world):
    leader = person("boerneleder", world)
    Membership.objects.create(user=leader, unit=world["children"], role=Role.LEADER)
    assert process_access(leader, world["south_process"]) == Access.NONE
    south = world["south"]
    south.parent = world["children"]
    south.save()
    south_process = Process.objects.select_related("unit").get(pk=world["south_process"].pk)
    assert process_access(reload(leader), south_process) == Access.EDIT
    assert "Hjemmeplejen Syd" in names(visible_units(reload(leader)))
