"""A bar chart of the anchoring check: this round's and the previous round's score per statement.

The chart is drawn as inline SVG from these numbers; the same numbers stand in the table beside
it, which is what screen readers read.
"""

from decimal import Decimal

SCALE_MAX = 5
BAR_HEIGHT = 14
ROW_HEIGHT = 40
LABEL_WIDTH = 28
BAR_SPACE = 300  # pixels for a score of 5
WIDTH = LABEL_WIDTH + BAR_SPACE + 40
SCALE_HEIGHT = 22  # the scale's numbers above the bars


def _width(score: Decimal | None) -> int | None:
    return None if score is None else round(float(score) / SCALE_MAX * BAR_SPACE)


def bar_chart(rows) -> dict | None:
    """Geometry of the chart, or None when no statement has a score in either round."""
    if all(row.score is None and row.previous is None for row in rows):
        return None
    bars = []
    for index, row in enumerate(rows):
        top = SCALE_HEIGHT + index * ROW_HEIGHT + 4
        now, before = _width(row.score), _width(row.previous)
        bars.append(
            {
                "number": row.number,
                "y": top,
                "label_y": top + BAR_HEIGHT + 4,
                "now": now,
                "now_y": top,
                "now_value_x": LABEL_WIDTH + (now or 0) + 4,
                "before": before,
                "before_y": top + BAR_HEIGHT + 2,
                "before_value_x": LABEL_WIDTH + (before or 0) + 4,
                "score": row.score,
                "previous": row.previous,
            }
        )
    height = SCALE_HEIGHT + len(rows) * ROW_HEIGHT
    # The scale: a line and its number for each whole score, so that a bar's length can be read.
    ticks = [{"x": LABEL_WIDTH + round(value / SCALE_MAX * BAR_SPACE), "value": value} for value in range(SCALE_MAX + 1)]
    return {"width": WIDTH, "height": height, "label_width": LABEL_WIDTH, "bars": bars, "ticks": ticks, "bar_height": BAR_HEIGHT}
