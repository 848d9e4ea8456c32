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


def _width(score: Decimal | None) -> int | None:
    return None if score is None else round(float(score) / SCALE_MAX * BAR_SPACE)


def bar_chart(rows) -> dict | None:
    """Geometry of the chart, or None when no statement has a score in either round."""
    if all(row.score is None and row.previous is None for row in rows):
        return None
    bars = []
    for index, row in enumerate(rows):
        top = index * ROW_HEIGHT + 4
        bars.append(
            {
                "number": row.number,
                "y": top,
                "label_y": top + BAR_HEIGHT + 4,
                "now": _width(row.score),
                "now_y": top,
                "before": _width(row.previous),
                "before_y": top + BAR_HEIGHT + 2,
                "score": row.score,
                "previous": row.previous,
            }
        )
    return {"width": WIDTH, "height": len(rows) * ROW_HEIGHT, "label_width": LABEL_WIDTH, "bars": bars}
