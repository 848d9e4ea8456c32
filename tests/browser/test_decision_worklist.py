"""The leader decides on every solution of the demo forløb from the round's worklist, without leaving it."""

import pytest
from django.urls import reverse

from samskab.decisions.models import Decision, DecisionKind
from samskab.processes.models import Solution
from samskab.rounds.models import Action
from tests.browser.conftest import violations_at_both_widths

pytestmark = pytest.mark.browser

KINDS = [
    DecisionKind.ADJUST,
    DecisionKind.NEW,
    DecisionKind.CONTINUE,
    DecisionKind.CONTINUE,
    DecisionKind.STOP,
    DecisionKind.CONTINUE,
    DecisionKind.CONTINUE,
]


def _worklist(live_world) -> str:
    return reverse("decisions:round_decisions", args=[live_world.process.rounds.get(status="aaben").pk])


def test_the_leader_decides_every_solution_in_place(page_as, live_world):
    solutions = list(Solution.objects.filter(challenge__process=live_world.process).order_by("pk"))
    assert len(solutions) == len(KINDS) == 7
    tab = page_as("leder")
    tab.goto(_worklist(live_world))
    tab.evaluate("() => { window.stillTheSamePage = true; }")
    for solution, kind in zip(solutions, KINDS):
        item = tab.locator(f"#solution-{solution.pk}")
        item.locator("summary").click()
        item.locator(f"input[name=kind][value={kind}]").check()
        item.get_by_label("Begrundelse").fill(f"Besluttet ud fra opfølgningerne på {solution.title}")
        if kind == DecisionKind.ADJUST:
            item.locator("textarea[name=adjustments]").fill("Kortere skabelon\nGennemgang på personalemødet")
        if kind == DecisionKind.NEW:
            item.locator("input[name=new_title]").fill("Dokumentation på mobilen uden net")
        item.locator("button[type=submit]").click()
        tab.locator(f"#solution-{solution.pk} .status-decision-{kind}").wait_for()
    assert tab.evaluate("() => window.stillTheSamePage === true")  # no page was loaded: every decision in place
    assert tab.url.endswith(_worklist(live_world))
    assert "7 af 7 løsninger har en beslutning" in tab.locator("#worklist-progress").inner_text()
    decided = dict(Decision.objects.filter(solution__in=solutions).values_list("solution_id", "kind"))
    assert decided == {solution.pk: kind.value for solution, kind in zip(solutions, KINDS)}
    assert Action.objects.filter(round__process=live_world.process, what="Kortere skabelon").count() == 1


def test_the_worklist_with_an_error_passes_axe(page_as, live_world):
    """At 1280 px and resized to 375 px."""
    tab = page_as("leder")
    tab.goto(_worklist(live_world))
    first = Solution.objects.filter(challenge__process=live_world.process).order_by("pk").first()
    item = tab.locator(f"#solution-{first.pk}")
    item.locator("summary").click()
    item.locator(f"input[name=kind][value={DecisionKind.ADJUST}]").check()
    item.locator("button[type=submit]").click()
    tab.locator(f"#solution-{first.pk} .form-error-message").first.wait_for()
    found = violations_at_both_widths(tab)
    assert not found, found
