"""Units keep a materialised path ("1/4/9/") so that a subtree is one prefix query."""

import pytest
from django.core.exceptions import ValidationError

from samskab.organisations.models import Organisation, Unit


@pytest.fixture
def tree(db) -> dict[str, Unit]:
    organisation = Organisation.objects.create(name="Testkommune", slug="test", data_controller="Testkommune")
    units: dict[str, Unit] = {}

    def add(name: str, parent: str | None = None) -> None:
        units[name] = Unit.objects.create(organisation=organisation, name=name, parent=units.get(parent))

    add("root")
    add("a", "root")
    add("a1", "a")
    add("a1x", "a1")
    add("b", "root")
    return units


def fresh(unit: Unit) -> Unit:
    return Unit.objects.get(pk=unit.pk)


def test_a_new_unit_gets_its_parents_path_and_its_own_id(tree):
    root, a, a1 = tree["root"], tree["a"], tree["a1"]
    assert root.path == f"{root.pk}/"
    assert a.path == f"{root.pk}/{a.pk}/"
    assert a1.path == f"{root.pk}/{a.pk}/{a1.pk}/"
    assert fresh(a1).path == a1.path


def test_descendants_and_ancestors(tree):
    assert set(tree["a"].descendants_and_self()) == {tree["a"], tree["a1"], tree["a1x"]}
    assert list(tree["a1x"].ancestors_and_self()) == [tree["root"], tree["a"], tree["a1"], tree["a1x"]]
    assert tree["a1x"].is_within(tree["a"].path)
    assert not tree["b"].is_within(tree["a"].path)


def test_moving_a_unit_moves_its_whole_subtree(tree):
    a = tree["a"]
    a.parent = tree["b"]
    a.save()
    b = tree["b"]
    assert fresh(a).path == f"{b.path}{a.pk}/"
    assert fresh(tree["a1"]).path == f"{b.path}{a.pk}/{tree['a1'].pk}/"
    assert fresh(tree["a1x"]).path == f"{b.path}{a.pk}/{tree['a1'].pk}/{tree['a1x'].pk}/"
    assert set(b.descendants_and_self()) == {b, a, tree["a1"], tree["a1x"]}
    assert fresh(tree["root"]).path == tree["root"].path


def test_moving_a_unit_to_the_top_makes_it_a_root(tree):
    a1 = tree["a1"]
    a1.parent = None
    a1.save()
    assert fresh(a1).path == f"{a1.pk}/"
    assert fresh(tree["a1x"]).path == f"{a1.pk}/{tree['a1x'].pk}/"
    assert set(tree["a"].descendants_and_self()) == {tree["a"]}


def test_saving_without_moving_changes_nothing(tree):
    a1 = tree["a1"]
    a1.name = "Nyt navn"
    a1.save()
    assert fresh(a1).path == tree["a1"].path
    assert fresh(tree["a1x"]).path.startswith(a1.path)


def test_a_path_does_not_match_a_longer_id_that_starts_the_same(tree):
    """Unit 8 and unit 87: "8/" must not match "87/"."""
    organisation = tree["root"].organisation
    short_id = Unit.objects.order_by("-pk").first().pk + 1
    short = Unit.objects.create(pk=short_id, organisation=organisation, name="kort")
    longer = Unit.objects.create(pk=int(f"{short_id}7"), organisation=organisation, name="lang")
    assert longer.path.startswith(str(short.pk))
    assert list(short.descendants_and_self()) == [short]
    assert not longer.is_within(short.path)


def test_a_unit_cannot_be_placed_below_itself(tree):
    a = tree["a"]
    a.parent = tree["a1x"]
    with pytest.raises(ValidationError) as error:
        a.full_clean()
    assert "parent" in error.value.message_dict


def test_a_unit_cannot_be_its_own_parent(tree):
    a = tree["a"]
    a.parent = a
    with pytest.raises(ValidationError):
        a.full_clean()


def test_a_unit_can_move_beside_itself(tree):
    a1 = tree["a1"]
    a1.parent = tree["b"]
    a1.full_clean()  # no error


def test_the_parent_must_be_in_the_same_municipality(tree):
    other = Organisation.objects.create(name="Anden", slug="anden", data_controller="Anden")
    unit = Unit(organisation=other, name="Fremmed", parent=tree["a"])
    with pytest.raises(ValidationError) as error:
        unit.full_clean()
    assert "parent" in error.value.message_dict


def test_saving_an_instance_loaded_before_a_move_keeps_the_new_path(tree):
    stale_a1 = fresh(tree["a1"])
    stale_a1.parent  # loaded with the old path of its parent
    a = tree["a"]
    a.parent = tree["b"]
    a.save()
    stale_a1.name = "Omdøbt"
    stale_a1.save()
    assert fresh(stale_a1).path == f"{tree['b'].path}{a.pk}/{stale_a1.pk}/"
    assert fresh(tree["a1x"]).path == f"{tree['b'].path}{a.pk}/{stale_a1.pk}/{tree['a1x'].pk}/"


def test_saving_refuses_a_cycle_even_without_clean(tree):
    a = tree["a"]
    a.parent = tree["a1x"]
    with pytest.raises(ValueError):
        a.save()
    assert fresh(a).parent == tree["root"]
    assert fresh(tree["a1x"]).path == tree["a1x"].path
