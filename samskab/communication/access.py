"""Views reach the rows of a round's kommunikationsplan only through this function: the plan is read
by everyone who reads the forløb (through the round) and changed by its editors."""

from samskab.communication.models import CommunicationRow
from samskab.processes.access import Access, get_object_for_user


def get_communication_row_for_user(user, pk: int, need: Access = Access.READ) -> CommunicationRow:
    return get_object_for_user(user, CommunicationRow, pk, process_path="round__process", need=need)
