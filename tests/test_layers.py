"""The apps keep their layers (.importlinter) and import each other in no circle.

import-linter reads the imports without running them; the failure lists each import against
the layers and the imports to remove to break a cycle. tools/import_graph.py prints the same
graph for people (make imports).
"""

import subprocess
import sys
from pathlib import Path

from tools.import_graph import cycles, shortest_circles

ROOT = Path(__file__).resolve().parent.parent


def test_the_apps_import_only_from_the_layers_below_and_in_no_circle():
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([lint, "--no-cache", "--no-logo"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_import_graph_finds_a_circle_and_its_shortest_way_round():
    edges = {"core": set(), "processes": {"core", "bank"}, "bank": {"workshops"}, "workshops": {"processes", "core"}}
    assert cycles(edges) == [["bank", "processes", "workshops"]]
    assert shortest_circles(edges, ["bank", "processes", "workshops"]) == [["bank", "workshops", "processes"]]


def test_the_import_graph_finds_no_circle_in_layers():
    edges = {"core": set(), "processes": {"core"}, "bank": {"processes", "core"}, "demo": {"bank", "processes"}}
    assert cycles(edges) == []
