"""Writes to the erfaringsbank from its pages: keeping an item inside its forløb, and "Brug hos os".

Items are written from approved referater and decisions by `collect.py`.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samskab.bank.models import Adoption, BankItem, ItemKind
from samskab.processes.models import Challenge, Process, Solution, SolutionStatus


def bank_item_share(*, item: BankItem, shared: bool, by) -> BankItem:
    """Share the item in the whole municipality, or keep it inside its forløb."""
    item.shared = shared
    item.save(update_fields=["shared", "updated_at"])
    return item


def origin_text(item: BankItem, link: str) -> str:
    """Where the item came from, for the description of the copy."""
    return _(
        "From the lesson bank: %(title)s. Learned at %(unit)s in the process “%(process)s”, %(date)s. See %(link)s"
    ) % {
        "title": item.title,
        "unit": item.unit.name,
        "process": item.process.title,
        "date": date_format(item.date, "j. F Y"),
        "link": link,
    }


def bank_item_adopt(*, item: BankItem, process: Process, by, link: str) -> tuple[Adoption, bool]:
    """"Brug hos os": copy `item` into `process`. Returns the adoption and whether it was made now.

    The copy is a challenge with a solution draft (not started) in the chosen forløb, and an
    Adoption that links the two to the item. Using the same item in the same forløb again leads to
    the copy made the first time.
    """
    existing = Adoption.objects.filter(item=item, process=process).select_related("solution").first()
    if existing is not None and existing.solution_id is not None:
        return existing, False
    try:
        with transaction.atomic():
            return _copy(item, process, by=by, link=link, existing=existing), True
    except IntegrityError:  # made at the same moment by a second click
        return Adoption.objects.get(item=item, process=process), False


def _challenge_title(item: BankItem) -> str:
    """A solution from the bank answers the challenge it was made for: the copy's challenge is named after that."""
    solution = getattr(item.source, "solution", item.source)  # the item's source: the decision on the solution
    if item.kind == ItemKind.SOLUTION and isinstance(solution, Solution):
        return solution.challenge.title
    return item.title


def _copy(item: BankItem, process: Process, *, by, link: str, existing: Adoption | None) -> Adoption:
    last = Challenge.objects.filter(process=process).aggregate(last=Max("priority"))["last"] or 0
    # Where it came from is written once, on the challenge; the solution page links the item itself.
    challenge = Challenge.objects.create(
        process=process, title=_challenge_title(item)[:200], description=origin_text(item, link), priority=last + 1
    )
    solution = Solution.objects.create(
        challenge=challenge, title=item.title[:200], description=item.text, status=SolutionStatus.NOT_STARTED
    )
    if existing is not None:  # the earlier copy was deleted: the link points to the new one
        existing.challenge, existing.solution, existing.adopted_by = challenge, solution, by
        existing.save(update_fields=["challenge", "solution", "adopted_by"])
        return existing
    return Adoption.objects.create(item=item, process=process, challenge=challenge, solution=solution, adopted_by=by)
