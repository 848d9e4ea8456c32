"""Views reach rounds only through these functions: a round is seen by everyone who reads its forløb."""

from samskab.processes.access import Access, get_object_for_user
from samskab.rounds.models import EvaluationRound


def get_round_for_user(user, pk: int, need: Access = Access.READ) -> EvaluationRound:
    return get_object_for_user(user, EvaluationRound, pk, process_path="process", need=need)
