"""What the projector draws of a closed rating: bars sized from the published figures, nothing else.

The figures come from `ratings.board` (the one publication rule); this module only turns the
numbers that rule allows into lengths, and names the role groups it hid, once per statement.
"""

from dataclasses import dataclass, field

from samskab.workshops.ratings import HIDDEN_NO_ANSWERS, SCALE


@dataclass
class Bar:
    """One score's column in a 50 × 20 drawing; lengths are strings with a point, for SVG in any language."""

    label: str
    count: int
    x: str
    y: str
    height: str


@dataclass
class Chart:
    statement: object  # ratings.Statement
    average_length: str = "0"  # 0–100: the average on the 1–5 scale
    bars: list[Bar] = field(default_factory=list)
    roles: list = field(default_factory=list)  # the role groups shown (ratings.RoleFigures)
    hidden_roles: list[str] = field(default_factory=list)  # role groups that answered but are not shown


def _length(number: float) -> str:
    return f"{number:.1f}"


def rating_charts(board: dict) -> list[Chart]:
    charts = []
    for statement in board["statements"]:
        chart = Chart(statement)
        if statement.average is not None:
            chart.average_length = _length(statement.average / max(SCALE) * 100)
            largest = max(statement.distribution) or 1
            for value, count in zip(SCALE, statement.distribution):
                height = count / largest * 20
                chart.bars.append(Bar(str(value), count, _length((value - 1) * 10 + 0.5), _length(20 - height), _length(height)))
        for role in statement.by_role:
            if role.hidden is None:
                chart.roles.append(role)
            elif role.hidden != HIDDEN_NO_ANSWERS:
                chart.hidden_roles.append(str(role.label))
        charts.append(chart)
    return charts
