"""What an approved referat puts in the erfaringsbank, and what a reopened one takes out.

`collect(round)` runs when the round's referat is approved (see `receivers.py`). It writes one
item per source: each læringspunkt marked "kan bruges andre steder", each solution decided on in
the round (its Decision is the source, so every round keeps its own item), and each card left
visible on the transfer board. An item found earlier for the round whose source no longer
qualifies (a lesson unmarked, a card hidden) is deleted. Nothing records who wrote anything.
A facilitator's choice to keep an item inside the forløb (`shared`) survives a new approval.

`withdraw(round)` hides the round's items while its referat is a draft again.
"""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from samskab.bank import facets, index
from samskab.bank.models import BankItem, ItemKind
from samskab.decisions.models import Decision
from samskab.processes.models import Indicator, MeasurementPhase
from samskab.rounds.models import EvaluationRound
from samskab.workshops.minutes_content import TRANSFER_KEYS
from samskab.workshops.models import Card, Heading, HeadingKind, Lesson, Workshop

TITLE_LENGTH = 300
FIELDS = ["kind", "title", "text", "theme_key", "theme", "decision", "date", "unit", "unit_path", "listed"]


def collect(evaluation_round: EvaluationRound) -> list[BankItem]:
    """Bring the round's items in line with its approved referat. Returns the round's items."""
    workshop = Workshop.objects.filter(round=evaluation_round).select_related("round__process__unit").first()
    if workshop is None:
        return []
    process = workshop.round.process
    with translation.override(settings.LANGUAGE_CODE):  # stored text reads in the municipality's language
        wanted = _lessons(workshop) + _solutions(evaluation_round) + _transfer_cards(workshop)
    existing = {(item.source_type_id, item.source_id): item for item in BankItem.objects.filter(round=evaluation_round)}
    new, changed, kept = [], [], set()
    for source, values in wanted:
        key = (ContentType.objects.get_for_model(source).pk, source.pk)
        values.update(date=workshop.date, unit=process.unit, unit_path=process.unit.path, listed=True)
        item = existing.get(key)
        if item is None:
            new.append(
                BankItem(
                    organisation_id=process.unit.organisation_id,
                    process=process,
                    round=evaluation_round,
                    source_type_id=key[0],
                    source_id=key[1],
                    **values,
                )
            )
        else:
            kept.add(key)
            if any(getattr(item, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(item, name, value)
                changed.append(item)
    gone = [item.pk for key, item in existing.items() if key not in kept]
    if gone:
        index.forget(gone)
        BankItem.objects.filter(pk__in=gone).delete()
    if changed:
        BankItem.objects.bulk_update(changed, FIELDS)
    if new:
        new = BankItem.objects.bulk_create(new)
        if any(item.pk is None for item in new):  # a database that does not return ids from bulk inserts
            new = list(BankItem.objects.filter(round=evaluation_round, source_id__in=[i.source_id for i in new]))
    index.index(changed + new)
    return [item for item in existing.values() if item.pk not in gone] + new


def withdraw(evaluation_round: EvaluationRound) -> int:
    """The referat is a draft again: its items leave the bank until it is approved again."""
    facets.forget([evaluation_round.process.unit.organisation_id])
    return BankItem.objects.filter(round=evaluation_round, listed=True).update(listed=False)


def first_line(text: str) -> tuple[str, str]:
    """A title (the first line, at most TITLE_LENGTH characters) and the rest of `text`."""
    text = text.strip()
    line, _newline, rest = text.partition("\n")
    line = line.strip()
    if len(line) > TITLE_LENGTH:
        return line[: TITLE_LENGTH - 1].rstrip() + "…", text
    return line, rest.strip()


def _lessons(workshop: Workshop) -> list[tuple[object, dict]]:
    lessons = Lesson.objects.filter(section__workshop=workshop, reusable=True).select_related("theme", "section")
    found = (_written(lesson, ItemKind.LESSON, lesson.text, lesson.theme, lesson.section) for lesson in lessons)
    return [item for item in found if item]


def _written(source, kind: str, written: str, heading, section) -> tuple[object, dict] | None:
    """An item's values from a text someone wrote (a lesson, a card), themed by its heading or else its section."""
    title, text = first_line(written)
    if not title:
        return None
    theme = {"theme_key": heading.key, "theme": heading.text} if heading else {"theme_key": "", "theme": section.title}
    return source, {"kind": kind, "title": title, "text": text, "decision": "", **theme}


def _number(value: Decimal) -> str:
    """55.00 → "55", 38.50 → "38,5" (in Danish)."""
    value = value.normalize()
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return number_format(value, use_l10n=True)


def _measured(indicator: Indicator) -> str:
    measurements = list(indicator.measurements.all())  # prefetched, by date
    before = [m.value for m in measurements if m.phase == MeasurementPhase.BEFORE]
    after = [m.value for m in measurements if m.phase == MeasurementPhase.AFTER]
    if not before and not after:
        return ""
    unit = f" {indicator.unit}" if indicator.unit else ""
    start = _number(before[0]) if before else "–"
    end = _number(after[-1]) if after else "–"
    return f"{indicator.name}: {start} → {end}{unit}"


def _solutions(evaluation_round: EvaluationRound) -> list[tuple[object, dict]]:
    decisions = (
        Decision.objects.filter(round=evaluation_round)
        .select_related("solution__challenge")
        .prefetch_related(
            Prefetch("solution__indicators", queryset=Indicator.objects.prefetch_related("measurements"))
        )
        .order_by("solution_id", "-decided_on", "-pk")
    )
    found, seen = [], set()
    for decision in decisions:
        solution = decision.solution
        if solution.pk in seen:  # decided twice in the round: the newest decision counts
            continue
        seen.add(solution.pk)
        parts = []
        if solution.description:
            parts.append(solution.description)
        if solution.expected_effect:
            parts.append(_("Expected effect: %(effect)s") % {"effect": solution.expected_effect})
        parts.append(
            _("Decision: %(kind)s. %(rationale)s")
            % {"kind": decision.get_kind_display(), "rationale": decision.rationale}
        )
        measured = [line for line in map(_measured, solution.indicators.all()) if line]
        if measured:
            parts.append(_("Measurements: %(lines)s") % {"lines": "; ".join(measured)})
        found.append(
            (
                decision,
                {
                    "kind": ItemKind.SOLUTION,
                    "title": solution.title[:TITLE_LENGTH],
                    "text": "\n\n".join(parts),
                    "theme_key": "",
                    "theme": solution.challenge.title,
                    "decision": decision.kind,
                },
            )
        )
    return found


def _transfer_cards(workshop: Workshop) -> list[tuple[object, dict]]:
    """The visible cards of the transfer board. Hidden cards never leave the workshop."""
    sections = set(
        Heading.objects.filter(section__workshop=workshop, kind=HeadingKind.COLUMN, key__in=TRANSFER_KEYS).values_list(
            "section_id", flat=True
        )
    )
    if not sections:
        return []
    cards = Card.objects.filter(section_id__in=sections, hidden=False).select_related("column", "section")
    found = (_written(card, ItemKind.TRANSFER, card.text, card.column, card.section) for card in cards)
    return [item for item in found if item]
