"""`manage.py generate_municipality`: a synthetic municipality of a given size, the same for the same seed.

Runs on SQLite and on PostgreSQL (the bank's full-text index is written for either).
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from samskab.accounts.models import User
from samskab.anchoring.models import AnchoringCheck
from samskab.bank import words
from samskab.bank.models import BankItem, ItemKind
from samskab.bank.search import Filters, search
from samskab.demo import synthetic
from samskab.demo.kommune import DEMO_SLUG
from samskab.decisions.models import Decision
from samskab.organisations.access import scope_for
from samskab.organisations.models import Organisation, Unit, UnitKind
from samskab.processes.models import FollowUp, Process, Solution, SolutionStatus
from samskab.rounds.models import Action, ActionStatus, EvaluationRound
from samskab.workshops.models import Card, Lesson, MinutesStatus, Workshop

SIZE = {"units": 12, "processes": 10, "items": 300}


def make(seed: int = 3, name: str = "Test Kommune"):
    return synthetic.generate(seed=seed, name=name, **SIZE)


def signature(organisation: Organisation) -> dict:
    """What the municipality holds, without database ids or the municipality's own name."""
    return {
        "units": list(Unit.objects.filter(organisation=organisation).exclude(parent=None).order_by("pk").values_list("name", "kind")),
        "forløb": list(Process.objects.filter(unit__organisation=organisation).order_by("pk").values_list("title", "start_date", "step")),
        "solutions": list(
            Solution.objects.filter(challenge__process__unit__organisation=organisation).order_by("pk").values_list("title", "status")
        ),
        "items": list(BankItem.objects.filter(organisation=organisation).order_by("pk").values_list("kind", "title", "text", "theme", "date", "shared")),
    }  # fmt: skip


@pytest.mark.django_db
def test_it_makes_what_was_asked_for():
    made = make()
    organisation = made.organisation
    units = Unit.objects.filter(organisation=organisation)
    assert units.count() == 12
    assert {kind for kind in units.values_list("kind", flat=True)} == {
        UnitKind.MUNICIPALITY, UnitKind.ADMINISTRATION, UnitKind.AREA, UnitKind.WORKPLACE,
    }  # fmt: skip
    for unit in units.exclude(parent=None).select_related("parent"):
        assert unit.path == f"{unit.parent.path}{unit.pk}/"
    assert Process.objects.filter(unit__organisation=organisation).count() == 10
    assert BankItem.objects.filter(organisation=organisation).count() == 300
    assert made.counts["bank items"] == 300 and made.counts["forløb"] == 10

    processes = Process.objects.filter(unit__organisation=organisation)
    assert {kind for kind in BankItem.objects.values_list("kind", flat=True)} == set(ItemKind)
    statuses = set(Solution.objects.filter(challenge__process__in=processes).values_list("status", flat=True))
    assert SolutionStatus.STALLED in statuses and SolutionStatus.IMPLEMENTED in statuses
    assert FollowUp.objects.filter(solution__challenge__process__in=processes).exists()
    assert EvaluationRound.objects.filter(process__in=processes).exists()
    assert Workshop.objects.filter(round__process__in=processes, minutes__status=MinutesStatus.APPROVED).exists()
    assert Decision.objects.filter(solution__challenge__process__in=processes).exists()
    assert AnchoringCheck.objects.filter(round__process__in=processes).exists()
    overdue = Action.objects.filter(
        round__process__in=processes, deadline__lt=synthetic.timezone.localdate(),
        status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS],
    )  # fmt: skip
    assert overdue.count() == made.counts["overdue actions"] > 0

    # Each item has a real source: a reusable lesson, a transfer card or a decision on a solution.
    lesson = BankItem.objects.filter(organisation=organisation, kind=ItemKind.LESSON).first()
    assert isinstance(lesson.source, Lesson) and lesson.source.reusable
    assert lesson.source.text.splitlines()[0] == lesson.title
    card = BankItem.objects.filter(organisation=organisation, kind=ItemKind.TRANSFER).first()
    assert isinstance(card.source, Card) and not card.source.hidden
    solution = BankItem.objects.filter(organisation=organisation, kind=ItemKind.SOLUTION).first()
    assert isinstance(solution.source, Decision) and solution.decision == solution.source.kind

    central = User.objects.get(username=made.central_username)
    scope = scope_for(central)
    assert scope.is_central_consultant() and scope.sees_portfolio()
    assert any(scope_for(user).in_main_committee() for user in User.objects.filter(organisation=organisation))


@pytest.mark.django_db
def test_the_same_seed_makes_the_same_municipality():
    first, again, other = make(seed=3, name="Første Kommune"), make(seed=3, name="Anden Kommune"), make(seed=4, name="Tredje Kommune")
    assert first.counts == again.counts
    assert signature(first.organisation) == signature(again.organisation)
    assert signature(first.organisation)["items"] != signature(other.organisation)["items"]


@pytest.mark.django_db
def test_the_bank_is_searchable_by_another_word_form():
    made = make()
    central = User.objects.get(username=made.central_username)
    items = BankItem.objects.filter(organisation=made.organisation)
    wanted = words.term("godkendelserne")
    expected = {
        item.pk for item in items if any(wanted.finds(words.key(word)) for word in words.words(f"{item.title} {item.text} {item.theme}"))
    }
    assert expected, "the generated texts use some form of godkendelse"
    results = search(central, "godkendelserne", Filters(), limit=1000)
    assert results.total == len(expected)
    assert {item.pk for item in results.items} == expected
    assert all("<mark>" in f"{item.marked_title}{item.marked_text}" for item in results.items if any(wanted.finds(key) for key in words.keys(f"{item.title} {item.text}").split()))


@pytest.mark.django_db
def test_the_demo_municipality_is_left_alone(demo):
    demo_items = BankItem.objects.filter(organisation__slug=DEMO_SLUG).count()
    demo_processes = Process.objects.filter(unit__organisation__slug=DEMO_SLUG).count()
    make()
    assert BankItem.objects.filter(organisation__slug=DEMO_SLUG).count() == demo_items
    assert Process.objects.filter(unit__organisation__slug=DEMO_SLUG).count() == demo_processes
    central = User.objects.get(username="central")
    assert search(central, "godkendelserne", Filters()).items == [] or all(
        item.organisation.slug == DEMO_SLUG for item in search(central, "godkendelserne", Filters()).items
    )


@pytest.mark.django_db
def test_the_command_prints_what_it_made_and_refuses_a_taken_name():
    out = StringIO()
    call_command("generate_municipality", "--units", "12", "--processes", "10", "--items", "300", "--name", "Kommando Kommune", stdout=out)
    printed = out.getvalue()
    assert "Kommando Kommune made in" in printed
    assert "300  bank items" in printed and "10  forløb" in printed
    assert "kommando-kommune-central" in printed
    with pytest.raises(CommandError, match="already there"):
        call_command("generate_municipality", "--units", "12", "--processes", "10", "--items", "10", "--name", "Kommando Kommune", stdout=StringIO())
    with pytest.raises(CommandError, match="at least 4"):
        call_command("generate_municipality", "--units", "3", "--name", "Lille Kommune", stdout=StringIO())
