"""What lands on the list of ideas, and when it leaves it.

- Approving a referat brings the round's visible cards in the transfer board's column "next"
  ("nye arbejdsgange eller udfordringer, vi kunne kaste os over"). Hidden cards never go in. An
  idea keeps its triage when the referat is approved again.
- Making the referat a draft again unlists the round's card ideas until it is approved again.
- A forløb decision "udbred til andre enheder" is an idea as soon as it is saved. If the decision
  is changed to another kind, or deleted, an idea nobody has triaged goes away with it.
"""

from django.contrib.contenttypes.models import ContentType

from samskab.decisions.models import ProcessDecision, ProcessDecisionKind
from samskab.ideas.models import Idea, IdeaOrigin
from samskab.rounds.models import EvaluationRound
from samskab.workshops.models import Card, HeadingKind, SectionKind

NEXT_KEY = "next"  # the transfer board's column of new workflows or challenges (workshops/template.py)


def _next_cards(evaluation_round: EvaluationRound):
    return Card.objects.filter(
        section__workshop__round=evaluation_round,
        section__kind=SectionKind.BOARD,
        column__kind=HeadingKind.COLUMN,
        column__key=NEXT_KEY,
        hidden=False,
    ).select_related("section__workshop")


def collect_round(evaluation_round: EvaluationRound) -> None:
    """The approved referat's "next" cards become (or are listed again as) ideas."""
    process = evaluation_round.process
    unit = process.unit
    card_type = ContentType.objects.get_for_model(Card)
    cards = list(_next_cards(evaluation_round))
    existing = {
        idea.source_id: idea
        for idea in Idea.objects.filter(round=evaluation_round, source_type=card_type)
    }
    for card in cards:
        idea = existing.pop(card.pk, None)
        if idea is None:
            Idea.objects.create(
                organisation_id=unit.organisation_id,
                unit=unit,
                process=process,
                round=evaluation_round,
                date=card.section.workshop.date,
                text=card.text,
                origin=IdeaOrigin.TRANSFER_CARD,
                source_type=card_type,
                source_id=card.pk,
            )
        else:
            idea.text = card.text
            idea.date = card.section.workshop.date
            idea.listed = True
            idea.save(update_fields=["text", "date", "listed"])
    # Cards hidden (or moved out of the column) since the last approval: gone unless triaged,
    # and a triaged one stays off the list.
    for idea in existing.values():
        if idea.untriaged:
            idea.delete()
        elif idea.listed:
            idea.listed = False
            idea.save(update_fields=["listed"])


def withdraw_round(evaluation_round: EvaluationRound) -> None:
    """The referat is a draft again: its card ideas leave the list until it is approved again."""
    Idea.objects.filter(round=evaluation_round, origin=IdeaOrigin.TRANSFER_CARD).update(listed=False)


def collect_decision(decision: ProcessDecision) -> None:
    """A decision "udbred til andre enheder" is an idea; changed to another kind, an untriaged one goes."""
    decision_type = ContentType.objects.get_for_model(ProcessDecision)
    idea = Idea.objects.filter(source_type=decision_type, source_id=decision.pk).first()
    if decision.kind != ProcessDecisionKind.SPREAD:
        if idea is not None and idea.untriaged:
            idea.delete()
        return
    evaluation_round = EvaluationRound.objects.select_related("process__unit").get(pk=decision.round_id)
    process = evaluation_round.process
    if idea is None:
        Idea.objects.create(
            organisation_id=process.unit.organisation_id,
            unit=process.unit,
            process=process,
            round=evaluation_round,
            date=decision.decided_on,
            text=decision.rationale,
            origin=IdeaOrigin.SPREAD_DECISION,
            source_type=decision_type,
            source_id=decision.pk,
        )
    elif (idea.text, idea.date) != (decision.rationale, decision.decided_on):
        idea.text = decision.rationale
        idea.date = decision.decided_on
        idea.save(update_fields=["text", "date"])


def source_deleted(model, pk: int) -> None:
    """The card or decision is gone: so is its idea, unless someone has triaged it."""
    idea = Idea.objects.filter(source_type=ContentType.objects.get_for_model(model), source_id=pk).first()
    if idea is not None and idea.untriaged:
        idea.delete()
