"""The anchoring measures the method names (DOMAIN.md, step 6 point 5), offered to every forløb."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from samskab.anchoring.models import AnchoringMeasure
from samskab.processes.models import Process

# Stable keys, so that later rounds and the municipality's portfolio can count them across forløb.
NAMED_MEASURES = [
    ("konsulenter", gettext_noop("Trained consultants who can facilitate the method")),
    ("erfagruppe", gettext_noop("An erfa-group")),
    ("ledelsesgrundlag", gettext_noop("Written into the management principles")),
    ("med_tema", gettext_noop("A standing item at the MED meetings")),
    ("kontaktkonsulent", gettext_noop("An assigned contact consultant")),
    ("ambassadoerer", gettext_noop("Participants as ambassadors")),
]


def measures_for(process: Process) -> list[AnchoringMeasure]:
    """The forløb's measures: the named ones first (added the first time they are asked for), then its own.

    The named measures are stored in the language of the person who first opens the page, like
    any text the forløb's people write; they can be renamed afterwards.
    """
    have = set(process.anchoring_measures.exclude(key="").values_list("key", flat=True))
    missing = [
        AnchoringMeasure(process=process, key=key, title=_(title), order=position)
        for position, (key, title) in enumerate(NAMED_MEASURES)
        if key not in have
    ]
    if missing:
        AnchoringMeasure.objects.bulk_create(missing, ignore_conflicts=True)
    return list(process.anchoring_measures.select_related("responsible__user"))
