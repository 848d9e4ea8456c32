"""Writes to a round's kommunikationsplan from its pages.

A model form that saves its own record stays in the view; every other write is here.
"""

from samskab.communication.models import CommunicationRow
from samskab.core.history import written_by


def communication_row_delete(*, row: CommunicationRow, by) -> None:
    written_by(row, by).delete()
