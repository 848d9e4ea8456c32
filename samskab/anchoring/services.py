"""Writes to a forløb's forankring from its pages.

A model form that saves its own record stays in the view; every other write is here. The
forankringstjek is saved by `scores.py`.
"""

from samskab.anchoring.models import AnchoringMeasure
from samskab.core.history import written_by


def anchoring_measure_delete(*, measure: AnchoringMeasure, by) -> None:
    written_by(measure, by).delete()
