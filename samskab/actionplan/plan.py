"""The handlingsplan: a round's actions, the unfinished ones it carries over, and a person's own.

An action belongs to the round it was made in. While it is unfinished it also stands in the plan of
every later round of the forløb ("carried over"), with its history, until it is done or dropped.
A plan shows a viewer only the actions they may see (workshops/access.py): a workshop's aftaler
wait for its referat's approval, except for the workshop's facilitators and each aftale's owner.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from samskab.processes.access import visible_processes
from samskab.rounds.access import sees_action
from samskab.rounds.models import Action, ActionStatus, EvaluationRound

FINISHED = (ActionStatus.DONE, ActionStatus.DROPPED)


def _listed(actions: QuerySet[Action]) -> list[Action]:
    today = timezone.localdate()
    columns = (
        "what", "why", "deadline", "status", "done_on", "section_id", "source_type_id", "source_id",
        "owner__user_id", "owner__user__first_name", "owner__user__last_name", "owner__user__username",
        "round__number", "round__process_id", "round__process__title",
    )  # fmt: skip
    result = list(actions.select_related("owner__user", "round__process").only(*columns).prefetch_related("source"))
    for action in result:
        action.is_overdue = is_overdue(action, today)
    return result


def is_overdue(action: Action, today: date) -> bool:
    return action.deadline is not None and action.deadline < today and action.status not in FINISHED


def round_plan(evaluation_round: EvaluationRound, *, seen_by) -> list[Action]:
    """The round's own actions, then the unfinished ones of the forløb's earlier rounds, that `seen_by` may see.

    `seen_by` None: what every reader of the forløb may see (the round report).
    """
    own = Q(round=evaluation_round)
    carried = Q(
        round__process_id=evaluation_round.process_id, round__number__lt=evaluation_round.number
    ) & ~Q(status__in=FINISHED)
    return _listed(Action.objects.filter(own | carried, sees_action(seen_by)).order_by("-round__number", "deadline", "pk"))


def process_plan(process, *, seen_by) -> list[Action]:
    actions = Action.objects.filter(sees_action(seen_by), round__process=process)
    return _listed(actions.order_by("-round__number", "deadline", "pk"))


def my_actions(user) -> list[Action]:
    """The person's own actions in the forløb they can see: unfinished first, by deadline."""
    actions = Action.objects.filter(owner__user=user, round__process__in=visible_processes(user))
    listed = _listed(actions.order_by("deadline", "pk"))
    return sorted(listed, key=lambda action: action.status in FINISHED)
