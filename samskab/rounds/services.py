"""Writes of rounds and their actions.

Adding an action to a round's plan from something else (a decision, a statement of the anchoring
check, a row of the communication plan) happens once per source and key, whatever the double
clicks. The database holds the rule (Action's constraint one_action_per_source_and_key), so two
people adding the same thing at the same moment still make one action.
"""

from datetime import date

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from samskab.core.concurrency import save_or_show_conflict
from samskab.core.history import written_by
from samskab.rounds.models import Action, EvaluationRound, RoundStatus
from samskab.rounds.queries import actions_from
from samskab.rounds.signals import action_changed


def round_close(*, evaluation_round: EvaluationRound, by) -> None:
    """Close the round today. A workshop still planned in it is the workshops app's to settle first
    (`workshops.services.round_close`)."""
    evaluation_round.status = RoundStatus.CLOSED
    evaluation_round.closed_on = timezone.localdate()
    written_by(evaluation_round, by).save(update_fields=["status", "closed_on"])


def action_add(*, action: Action, evaluation_round: EvaluationRound, section=None, by) -> Action:
    """Put a new action in the round's plan: every action is added here.

    A person writes one in the plan's form, or as an aftale in the workshop's `section` (a second
    submit of the same form is caught before, by `core.once.create_once`); something else adds one
    through `action_add_once`.
    """
    action.round = evaluation_round
    action.section = section
    written_by(action, by).save()
    return action


def action_add_once(
    *,
    evaluation_round: EvaluationRound,
    source: models.Model,
    key: str,
    what: str,
    why: str = "",
    owner=None,
    deadline: date | None = None,
    by,
) -> tuple[Action, bool]:
    """The round's action for (source, key), made now if there is none. True when it was made."""
    existing = actions_from(source).filter(round=evaluation_round, source_key=key).first()
    if existing is not None:
        return existing, False
    action = Action(source=source, source_key=key, what=what[:300], why=why, owner=owner, deadline=deadline)
    try:
        with transaction.atomic():
            action_add(action=action, evaluation_round=evaluation_round, by=by)
    except IntegrityError:  # someone added it a moment ago
        return actions_from(source).get(round=evaluation_round, source_key=key), False
    return action, True


@transaction.atomic
def action_change(*, form, by) -> list[tuple[str, str]] | None:
    """Save an action's edit form over the version it was shown with. None when saved; else the
    version someone saved in between, to show beside the form (core/concurrency.py)."""
    written_by(form.instance, by)
    theirs = save_or_show_conflict(form)
    if theirs is None:
        action_changed.send(sender=Action, action=form.instance)
    return theirs


def action_delete(*, action: Action, by) -> None:
    written_by(action, by).delete()
