"""Views reach decisions only through these functions: a decision is seen by everyone who reads its
forløb, and changed by its editors while its round is open (a closed round's decisions are its
record, and for changing they do not exist: 404)."""

from django.http import Http404

from samskab.decisions.models import Decision
from samskab.processes.access import Access, get_object_for_user


def get_decision_for_user(user, pk: int, need: Access = Access.READ) -> Decision:
    decision = get_object_for_user(
        user, Decision, pk, process_path="solution__challenge__process", need=need, related=("round",)
    )
    if need >= Access.EDIT and not decision.round.is_open:
        raise Http404
    return decision
