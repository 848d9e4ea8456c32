"""Small before/after bar charts as inline SVG, always shown beside a table of the same numbers."""

from dataclasses import dataclass
from decimal import Decimal

from samskab.processes.models import Indicator, MeasurementPhase

WIDTH = 320
BAR_HEIGHT = 28
GAP = 12
LABEL_WIDTH = 70


@dataclass
class Bar:
    label: str
    value: Decimal
    y: int
    width: int
    phase: str


def before_after(indicator: Indicator) -> dict | None:
    """The newest before- and after-values of an indicator as bars; None without measurements."""
    latest = {}
    for measurement in indicator.measurements.all():  # ordered by date: the newest wins
        latest[measurement.phase] = measurement
    if not latest:
        return None
    biggest = max(abs(m.value) for m in latest.values()) or Decimal(1)
    bars = []
    for index, phase in enumerate(p for p in MeasurementPhase if p in latest):
        value = latest[phase].value
        width = int((WIDTH - LABEL_WIDTH - 60) * abs(value) / biggest)
        bars.append(Bar(str(phase.label), value, index * (BAR_HEIGHT + GAP), max(width, 2), phase.value))
    return {"bars": bars, "height": len(bars) * (BAR_HEIGHT + GAP), "width": WIDTH, "label_width": LABEL_WIDTH}
