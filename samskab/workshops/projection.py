"""How the screens lay out a closed rating: the projector's bars, and the run page's compact table
of ratings by role. Only the published figures: they come from `ratings.board` (the one
publication rule); this module turns the numbers that rule allows into lengths, and says once
which role groups it hid, never a "hidden" in every cell.
"""

from dataclasses import dataclass, field

from samskab.workshops.ratings import (
    HIDDEN_COMPLEMENT,
    HIDDEN_EARLIER,
    HIDDEN_NO_ANSWERS,
    HIDDEN_TOO_FEW,
    ROLE_GROUPS,
    SCALE,
)


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
    figures: object  # ratings.StatementFigures
    average_length: int = 0  # 0–1000: the average on the 1–5 scale
    bars: list[Bar] = field(default_factory=list)
    roles: list = field(default_factory=list)  # the role groups shown (ratings.RoleFigures)
    hidden_roles: list[str] = field(default_factory=list)  # role groups that answered but are not shown


def rating_charts(board: dict) -> list[Chart]:
    charts = []
    for figures in board["statements"]:
        chart = Chart(figures)
        if figures.average is not None:
            chart.average_length = round(figures.average / max(SCALE) * 1000)
            largest = max(figures.distribution) or 1
            for value, count in zip(SCALE, figures.distribution):
                height = round(count / largest * 200)
                chart.bars.append(Bar(str(value), count, (value - 1) * 100 + 5, 200 - height, height))
        for role in figures.by_role:
            if role.hidden is None:
                chart.roles.append(role)
            elif role.hidden != HIDDEN_NO_ANSWERS:
                chart.hidden_roles.append(str(role.label))
        charts.append(chart)
    return charts


@dataclass
class RoleTable:
    """The ratings by role as a table: a column for each role group that answered any statement."""

    roles: list  # (role, label) of the columns
    rows: list  # (StatementFigures, [RoleFigures of the columns' roles])
    reasons: list[str] = field(default_factory=list)  # the HIDDEN_ reasons that occur, in a fixed order


def role_table(board: dict) -> RoleTable:
    answered = {role.role for figures in board["statements"] for role in figures.by_role if role.hidden != HIDDEN_NO_ANSWERS}
    roles = [(role, label) for role, label in ROLE_GROUPS if role in answered]
    rows, reasons = [], set()
    for figures in board["statements"]:
        by_role = {role_figures.role: role_figures for role_figures in figures.by_role}
        cells = [by_role[role] for role, _label in roles if role in by_role]
        reasons |= {cell.hidden for cell in cells if cell.hidden is not None}
        rows.append((figures, cells))
    order = [HIDDEN_NO_ANSWERS, HIDDEN_TOO_FEW, HIDDEN_COMPLEMENT, HIDDEN_EARLIER]
    return RoleTable(roles, rows, [reason for reason in order if reason in reasons])
