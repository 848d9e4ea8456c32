"""What the projector draws of a closed rating: bars sized from the published figures, nothing else.

The figures come from `ratings.board` (the one publication rule); this module only turns the
numbers that rule allows into lengths, and names the role groups it hid, once per statement.
"""

from dataclasses import dataclass, field

from samskab.workshops.ratings import HIDDEN_NO_ANSWERS, SCALE


@dataclass
class Bar:
    """One score's column in a 500 × 200 drawing; lengths are whole numbers, for SVG in any language."""

    label: str
    count: int
    x: int
    y: int
    height: int


@dataclass
class Chart:
    statement: object  # ratings.Statement
    average_length: int = 0  # 0–1000: the average on the 1–5 scale
    bars: list[Bar] = field(default_factory=list)
    roles: list = field(default_factory=list)  # the role groups shown (ratings.RoleFigures)
    hidden_roles: list[str] = field(default_factory=list)  # role groups that answered but are not shown


def rating_charts(board: dict) -> list[Chart]:
    charts = []
    for statement in board["statements"]:
        chart = Chart(statement)
        if statement.average is not None:
            chart.average_length = round(statement.average / max(SCALE) * 1000)
            largest = max(statement.distribution) or 1
            for value, count in zip(SCALE, statement.distribution):
                height = round(count / largest * 200)
                chart.bars.append(Bar(str(value), count, (value - 1) * 100 + 5, 200 - height, height))
        for role in statement.by_role:
            if role.hidden is None:
                chart.roles.append(role)
            elif role.hidden != HIDDEN_NO_ANSWERS:
                chart.hidden_roles.append(str(role.label))
        charts.append(chart)
    return charts
