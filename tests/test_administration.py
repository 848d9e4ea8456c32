"""The municipality's own administration: its administrator keeps units, roles, MED committees and
settings; nobody else reaches it, and another municipality's objects do not exist for them."""

import pytest
from django.test import Client
from django.urls import reverse

from samskab.organisations.models import MedCommittee, Membership, Organisation, Role, Unit
from tests.helpers import assert_form_error, html


@pytest.fixture
def demo_units(demo):
    organisation = demo.unit.organisation
    return organisation, Unit.objects.get(organisation=organisation, parent=None), demo.unit


def test_the_administrator_sees_the_administration_in_the_menu(client_as):
    assert reverse("administration:administration") in html(client_as("central").get(reverse("processes:dashboard")))
    assert reverse("administration:administration") not in html(client_as("konsulent").get(reverse("processes:dashboard")))


@pytest.mark.parametrize("who", ["konsulent", "leder", "medarbejder", "med", "leder-syd", "nabo", "admin"])
def test_nobody_but_the_municipality_administrator_reaches_it(client_as, who, demo_units):
    _organisation, _root, unit = demo_units
    client = client_as(who)
    assert client.get(reverse("administration:administration")).status_code == 404
    assert client.get(reverse("administration:administration_unit", args=[unit.pk])).status_code == 404
    assert client.post(reverse("administration:administration_settings"), {"name": "Hacked"}).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login(db):
    response = Client().get(reverse("administration:administration_units"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_another_municipalitys_administrator_gets_404_for_our_units(client_as, personas, demo_units):
    _organisation, _root, unit = demo_units
    nabo = personas["nabo"]
    nabo.is_municipality_admin = True
    nabo.save(update_fields=["is_municipality_admin"])
    client = client_as("nabo")
    assert client.get(reverse("administration:administration")).status_code == 200
    assert client.get(reverse("administration:administration_unit", args=[unit.pk])).status_code == 404
    membership = Membership.objects.filter(unit=unit).first()
    assert client.post(reverse("administration:administration_membership_remove", args=[membership.pk])).status_code == 404
    committee = MedCommittee.objects.filter(unit__organisation=unit.organisation).first()
    assert client.get(reverse("administration:administration_committee", args=[committee.pk])).status_code == 404
    assert "Hjemmeplejen Nord" not in html(client.get(reverse("administration:administration_units")))


def test_the_administrator_creates_a_unit_below_another(client_as, demo_units):
    organisation, root, _unit = demo_units
    response = client_as("central").post(
        reverse("administration:administration_unit_create"), {"name": "Tandplejen", "kind": "arbejdsplads", "parent": root.pk, "active": "on"}
    )
    unit = Unit.objects.get(name="Tandplejen")
    assert response.url == reverse("administration:administration_unit", args=[unit.pk])
    assert unit.organisation == organisation and unit.parent == root
    assert unit.path == f"{root.path}{unit.pk}/"


def test_a_unit_cannot_be_placed_below_another_municipalitys_unit(client_as, demo_units):
    _organisation, _root, unit = demo_units
    elsewhere = Unit.objects.exclude(organisation=unit.organisation).first()
    response = client_as("central").post(
        reverse("administration:administration_unit", args=[unit.pk]), {"name": unit.name, "kind": unit.kind, "parent": elsewhere.pk}
    )
    assert_form_error(response, "parent")
    unit.refresh_from_db()
    assert unit.parent != elsewhere


def test_a_unit_cannot_be_placed_below_itself(client_as, demo_units):
    _organisation, root, unit = demo_units
    parent = unit.parent
    response = client_as("central").post(
        reverse("administration:administration_unit", args=[parent.pk]), {"name": parent.name, "kind": parent.kind, "parent": unit.pk}
    )
    assert_form_error(response, "parent")
    assert 'value="Hjemmeplejen' in html(response) or parent.name in html(response)


def test_moving_a_unit_takes_the_units_below_along(client_as, demo_units):
    _organisation, root, unit = demo_units
    area = unit.parent
    response = client_as("central").post(
        reverse("administration:administration_unit", args=[area.pk]), {"name": area.name, "kind": area.kind, "parent": root.pk, "active": "on"}
    )
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.path.startswith(f"{root.path}{area.pk}/")


def test_the_administrator_gives_and_removes_a_role(client_as, personas, demo_units):
    _organisation, _root, unit = demo_units
    client = client_as("central")
    person = personas["leder-syd"]
    response = client.post(
        reverse("administration:administration_membership_add", args=[unit.pk]), {"user": person.pk, "role": Role.CONSULTANT}
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=person, unit=unit, role=Role.CONSULTANT)
    assert str(person) in html(client.get(reverse("administration:administration_unit", args=[unit.pk])))
    assert client.get(reverse("processes:unit", args=[unit.pk])).status_code == 200
    response = client.post(reverse("administration:administration_membership_remove", args=[membership.pk]))
    assert response.url == reverse("administration:administration_unit", args=[unit.pk])
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_the_same_role_twice_is_refused_with_a_message(client_as, personas, demo_units):
    _organisation, _root, unit = demo_units
    leader = Membership.objects.filter(unit=unit, role=Role.LEADER).first()
    response = client_as("central").post(
        reverse("administration:administration_membership_add", args=[unit.pk]), {"user": leader.user_id, "role": Role.LEADER}
    )
    assert response.status_code == 200
    assert response.context["form"].errors


def test_a_person_of_another_municipality_cannot_be_given_a_role(client_as, personas, demo_units):
    _organisation, _root, unit = demo_units
    response = client_as("central").post(
        reverse("administration:administration_membership_add", args=[unit.pk]), {"user": personas["nabo"].pk, "role": Role.LEADER}
    )
    assert response.status_code == 200
    assert_form_error(response, "user")
    assert not Membership.objects.filter(user=personas["nabo"], unit=unit).exists()


def test_the_administrator_makes_a_med_committee_with_members(client_as, personas, demo_units):
    _organisation, root, unit = demo_units
    client = client_as("central")
    members = [personas["tr"].pk, personas["amr"].pk]
    response = client.post(
        reverse("administration:administration_committee_create"), {"name": "Område-MED Nord", "unit": unit.pk, "members": members}
    )
    assert response.url == reverse("administration:administration_committees")
    committee = MedCommittee.objects.get(name="Område-MED Nord")
    assert sorted(committee.members.values_list("pk", flat=True)) == sorted(members)
    response = client.post(
        reverse("administration:administration_committee", args=[committee.pk]), {"name": "Område-MED Nord", "unit": unit.pk, "members": [members[0]]}
    )
    assert list(committee.members.values_list("pk", flat=True)) == [members[0]]


def test_a_committee_needs_a_name_and_keeps_what_was_typed(client_as, demo_units):
    _organisation, _root, unit = demo_units
    response = client_as("central").post(reverse("administration:administration_committee_create"), {"name": "", "unit": unit.pk})
    assert_form_error(response, "name")


def test_the_administrator_changes_the_municipalitys_settings(client_as, demo_units):
    organisation, _root, _unit = demo_units
    client = client_as("central")
    form = client.get(reverse("administration:administration_settings")).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(cvr="29189129", silent_after_days=45)
    response = client.post(reverse("administration:administration_settings"), data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert (organisation.cvr, organisation.silent_after_days) == ("29189129", 45)


def test_a_cvr_number_has_eight_digits(client_as, demo_units):
    organisation, _root, _unit = demo_units
    client = client_as("central")
    form = client.get(reverse("administration:administration_settings")).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(cvr="1234")
    assert_form_error(client.post(reverse("administration:administration_settings"), data), "cvr")
    assert Organisation.objects.get(pk=organisation.pk).cvr == ""


def test_the_django_admin_is_for_superusers_only(client_as, personas):
    staff = personas["central"]
    staff.is_staff = True
    staff.save(update_fields=["is_staff"])
    assert client_as("admin").get("/admin/").status_code == 200
    assert client_as("central").get("/admin/").status_code == 302  # to the admin's login: not for them


def test_the_installations_administrator_makes_someone_the_municipalitys_administrator(client_as, personas):
    leader = personas["leder"]
    page = client_as("admin").get(reverse("admin:accounts_user_change", args=[leader.pk]))
    assert page.status_code == 200 and 'name="is_municipality_admin"' in html(page)
    assert client_as("admin").get(reverse("admin:organisations_unit_changelist") + "?active__exact=0").status_code == 200


def test_an_inactive_unit_is_marked_so_in_the_list_of_units(client_as, demo_units):
    _organisation, _root, unit = demo_units
    Unit.objects.filter(pk=unit.pk).update(active=False)
    page = html(client_as("leder").get(reverse("organisations:units")))
    assert f"{unit.name}</a> <span class=\"samskab-meta\">(" in page
    assert "inaktiv" in page
