"""Views reach a forløb's anchoring measures only through this function (the anchoring check is
reached through its round: rounds/access.py)."""

from samskab.anchoring.models import AnchoringMeasure
from samskab.processes.access import Access, get_object_for_user


def get_anchoring_measure_for_user(user, pk: int, need: Access = Access.READ) -> AnchoringMeasure:
    return get_object_for_user(user, AnchoringMeasure, pk, process_path="process", need=need)
