"""Which app imports which, and any cycle between apps.

    .venv/bin/python tools/import_graph.py      (make imports runs it, then lint-imports)

Prints one line per app with the apps it imports (from any of its modules), then either
"No cycle between apps." or each group of apps that import each other in a circle, with the
shortest circle through each of them. Exits with 1 when there is a cycle. The layers themselves
are checked by import-linter (.importlinter).
"""

import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "samskab"


def app_names() -> list[str]:
    """The packages directly under samskab (settings.py, urls.py and the like are not apps)."""
    return sorted(path.parent.name for path in (ROOT / PACKAGE).glob("*/__init__.py"))


def app_imports(graph: grimp.ImportGraph, apps: list[str]) -> dict[str, set[str]]:
    """For each app, the other apps that some module of it imports."""
    return {
        importer: {
            imported
            for imported in apps
            if imported != importer
            and graph.direct_import_exists(
                importer=f"{PACKAGE}.{importer}", imported=f"{PACKAGE}.{imported}", as_packages=True
            )
        }
        for importer in apps
    }


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The groups of apps that reach each other (strongly connected, more than one app), by Tarjan."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(app: str) -> None:
        index[app] = lowest[app] = len(index)
        stack.append(app)
        for other in sorted(edges[app]):
            if other not in index:
                visit(other)
                lowest[app] = min(lowest[app], lowest[other])
            elif other in stack:
                lowest[app] = min(lowest[app], index[other])
        if lowest[app] == index[app]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == app:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for app in sorted(edges):
        if app not in index:
            visit(app)
    return sorted(groups)


def shortest_circles(edges: dict[str, set[str]], group: list[str]) -> list[list[str]]:
    """For each app of a cycle, the shortest way back to itself: the imports to look at first."""
    circles = set()
    for start in group:
        paths = {start: [start]}
        queue = [start]
        while queue:
            app = queue.pop(0)
            for other in sorted(edges[app] & set(group)):
                if other == start:
                    circle = paths[app]
                    first = circle.index(min(circle))
                    circles.add(tuple(circle[first:] + circle[:first]))
                    queue = []
                    break
                if other not in paths:
                    paths[other] = paths[app] + [other]
                    queue.append(other)
    return [list(circle) for circle in sorted(circles, key=lambda circle: (len(circle), circle))]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    apps = app_names()
    edges = app_imports(grimp.build_graph(PACKAGE), apps)
    width = max(len(app) for app in apps)
    for app in apps:
        print(f"{app:<{width}} -> {', '.join(sorted(edges[app])) or '-'}")
    found = cycles(edges)
    if not found:
        print("\nNo cycle between apps.")
        return 0
    for group in found:
        print(f"\nCYCLE between {', '.join(group)}:")
        for circle in shortest_circles(edges, group):
            print("  " + " -> ".join(circle + [circle[0]]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
