"""Views reach rounds and their actions only through these functions.

A round is seen by everyone who reads its forløb, and so are the actions of its plan, unless an
app above says otherwise through the signal `action_visibility`: the workshops app keeps an
aftale (an action agreed in the workshop) for the workshop's facilitators and its owner until
the referat is approved. Who changes an action is asked of the same app through
`action_being_agreed`: while the workshop where it is agreed has not closed, its facilitators
change the aftale, not the forløb's editors.
"""

from enum import Enum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.dispatch import Signal
from django.http import Http404

from samskab.processes.access import Access, get_object_for_user, process_access, require
from samskab.rounds.models import Action, EvaluationRound

# Sent with `user` (None: any reader, as for the round report) to learn which actions they may
# see; each receiver returns a Q that those actions must also pass.
action_visibility = Signal()

# Sent with `action` and `user` to learn whether the action is an aftale still being agreed in a
# meeting held by an app above: a receiver returns True when `user` runs that meeting, False when
# they do not, and None when the action is not being agreed there now.
action_being_agreed = Signal()


class Change(Enum):
    """How much of an action a person may change."""

    AGREEMENT = "agreement"  # what, who, by when and why: the aftale while the meeting agrees it
    ALL = "all"  # the handling in the plan, with its status and done date
    STATUS = "status"  # its owner: the status and done date


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


def get_action_to_change(user, pk: int) -> tuple[Action, Change]:
    """An action `user` may change, and how much of it (`Change`); 404 when they may not see it,
    403 when they may see it but not change it.

    An aftale still being agreed is changed by the meeting's facilitators; any other action by
    the forløb's editors. Its owner changes the status and done date of either.
    """
    action = get_action_for_user(user, pk)
    agreed = [answer for _receiver, answer in action_being_agreed.send(sender=Action, action=action, user=user) if answer is not None]
    if agreed:
        if any(agreed):
            return action, Change.AGREEMENT
    elif process_access(user, action.round.process) >= Access.EDIT:
        return action, Change.ALL
    if action.owner is not None and action.owner.user_id == user.pk:
        return action, Change.STATUS
    raise PermissionDenied
