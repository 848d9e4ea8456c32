"""Views reach rounds and their actions only through these functions.

A round is seen by everyone who reads its forløb, and so are the actions of its plan, unless an
app above says otherwise through the signal `action_visibility`: the workshops app keeps an
aftale (an action agreed in the workshop) for the workshop's facilitators and its owner until
the referat is approved.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import Signal
from django.http import Http404

from samskab.processes.access import Access, get_object_for_user, process_access, require
from samskab.rounds.models import Action, EvaluationRound

# Sent with `user` (None: any reader, as for the round report) to learn which actions they may
# see; each receiver returns a Q that those actions must also pass.
action_visibility = Signal()


def get_round_for_user(user, pk: int, need: Access = Access.READ) -> EvaluationRound:
    return get_object_for_user(user, EvaluationRound, pk, process_path="process", need=need)


def sees_action(user) -> Q:
    """Actions `user` may see in a plan (with `user` None: what every reader may see)."""
    seen = Q()
    for _receiver, rule in action_visibility.send(sender=Action, user=user):
        seen &= rule
    return seen


def get_action_for_user(user, pk: int, need: Access = Access.READ) -> Action:
    """An action `user` may see, with its round, forløb and owner, in one query: 404 otherwise (also
    another's aftale not yet released); 403 when they may see it but not do what `need` asks."""
    action = (
        Action.objects.select_related("round__process__unit__organisation", "owner")
        .filter(sees_action(user), pk=pk)
        .first()
    )
    if action is None:
        raise Http404
    require(user, action.round.process, need)
    return action


def get_action_to_change(user, pk: int) -> tuple[Action, bool]:
    """An action `user` may change, and whether they may change all of it: the forløb's editors
    change everything, its owner only the status and done date; 403 for anyone else."""
    action = get_action_for_user(user, pk)
    if process_access(user, action.round.process) >= Access.EDIT:
        return action, True
    if action.owner is not None and action.owner.user_id == user.pk:
        return action, False
    raise PermissionDenied
