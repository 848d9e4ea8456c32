"""Horizontal bar charts of the portfolio as inline SVG; the same numbers stand in a table beside each.

One chart can hold several series (forløb started, rounds, decisions, actions done per period):
each category gets one bar per series, and a legend on top names the series by colour.
"""

from dataclasses import dataclass

LABEL_WIDTH = 90
BAR_SPACE = 260  # pixels for the biggest value
VALUE_SPACE = 40
BAR_HEIGHT = 12
BAR_GAP = 2
GROUP_GAP = 14
LEGEND_ROW = 20
WIDTH = LABEL_WIDTH + BAR_SPACE + VALUE_SPACE
# Dark enough against white for graphics (WCAG 1.4.11), and told apart by the legend's words too.
COLOURS = ("#0059b3", "#6b6b6b", "#8a1c1c", "#1f6b3a")


@dataclass
class Series:
    name: str
    values: list[int]


def bar_chart(categories: list[str], series: list[Series]) -> dict | None:
    """Geometry of the chart, or None when there is nothing to draw."""
    if not categories or not series:
        return None
    biggest = max((value for one in series for value in one.values), default=0) or 1
    legend = []
    if len(series) > 1:
        legend = [
            {"name": one.name, "colour": COLOURS[index % len(COLOURS)], "y": index * LEGEND_ROW, "text_y": index * LEGEND_ROW + 12}
            for index, one in enumerate(series)
        ]
    top = len(legend) * LEGEND_ROW + (8 if legend else 0)
    group_height = len(series) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    groups = []
    for index, label in enumerate(categories):
        y = top + index * group_height
        bars = []
        for number, one in enumerate(series):
            value = one.values[index]
            bar_y = y + number * (BAR_HEIGHT + BAR_GAP)
            width = round(value / biggest * BAR_SPACE)
            bars.append(
                {
                    "y": bar_y,
                    "width": max(width, 1) if value else 0,
                    "value": value,
                    "value_x": LABEL_WIDTH + width + 4,
                    "text_y": bar_y + BAR_HEIGHT - 1,
                    "colour": COLOURS[number % len(COLOURS)],
                }
            )
        groups.append({"label": label, "label_y": y + BAR_HEIGHT, "bars": bars})
    return {
        "width": WIDTH,
        "height": top + len(categories) * group_height,
        "label_width": LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "legend": legend,
        "groups": groups,
    }
