"""People who left: erased by `manage.py purge` once the municipality's period for them has run.

The organisation sync notes the day it no longer found a person (`User.left_on`). When that day
is older than the municipality's period for people who left, the person is erased exactly as an
administrator erases them by hand, unless they still own open actions: those need a new owner
first, so the person is only named for the administrator and left as they are.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model

from samskab.organisations.models import Organisation
from samskab.privacy import erasure
from samskab.privacy.models import Erasure, retention_for
from samskab.privacy.purge import months_before


@dataclass
class Leaver:
    person: object
    open_actions: int


def leavers_due(now: datetime) -> list[Leaver]:
    """Every person who left longer ago than their municipality's period and is not yet erased."""
    erased = Erasure.objects.filter(person__isnull=False).values("person")
    found = []
    for organisation in Organisation.objects.order_by("pk"):
        before = months_before(now.date(), retention_for(organisation).leaver_months)
        people = (
            get_user_model()
            .objects.filter(organisation=organisation, is_active=False, left_on__lt=before)
            .exclude(pk__in=erased)
            .select_related("organisation")  # named in erase_leavers' lines
            .order_by("left_on", "pk")
        )
        found += [Leaver(person, erasure.open_actions(person).count()) for person in people]
    return found


def erase_leavers(now: datetime, *, dry_run: bool, say=None) -> int:
    """Erase (with `dry_run` only list) the people who left and are due; `say(line)` hears of each.
    Returns how many were (or would be) erased."""
    erased = 0
    for leaver in leavers_due(now):
        person = leaver.person
        where = f"{person.organisation.name}: person #{person.pk}, left {person.left_on:%Y-%m-%d}"
        if leaver.open_actions:
            if say:
                say(f"{where} ({person}): needs a new owner first for {leaver.open_actions} open action(s); not erased")
            continue
        if dry_run:
            if say:
                say(f"{where} ({person}): would be erased")
        else:
            erasure.erase(person=person, new_owners={}, by=None)
            if say:
                say(f"{where}: erased")
        erased += 1
    return erased
