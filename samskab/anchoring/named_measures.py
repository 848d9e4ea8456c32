"""The anchoring measures the method names for its evaluation (step 6), offered to every forløb
(added to it by `services.named_measures_add`), and what the network pages already show of them."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

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


def seen_in_network(process: Process) -> dict[str, str]:
    """What the network pages already show of the named measures, for this forløb, by measure key.

    The network app's records are read through their relations by name (a unit's contact
    consultant, a municipality's trained konsulenter and erfa-groups): anchoring sits below the
    network in the layers and imports nothing from it.
    """
    organisation = process.unit.organisation
    unit_ids = [int(part) for part in process.unit.path.split("/") if part]
    people = process.participants.values("user_id")
    counts = {
        "ambassadoerer": process.participants.filter(is_ambassador=True).count(),
        "konsulenter": organisation.trained_facilitators.count(),
        "erfagruppe": organisation.erfa_groups.filter(members__in=people).distinct().count(),
        "kontaktkonsulent": type(process.unit).objects.filter(pk__in=unit_ids, contact_consultant__isnull=False).count(),
    }
    texts = {
        "ambassadoerer": ngettext("%(count)d ambassador in the process", "%(count)d ambassadors in the process", counts["ambassadoerer"]),
        "konsulenter": ngettext(
            "%(count)d trained konsulent in the municipality", "%(count)d trained konsulenter in the municipality", counts["konsulenter"]
        ),
        "erfagruppe": ngettext(
            "%(count)d erfa-group with the process's people", "%(count)d erfa-groups with the process's people", counts["erfagruppe"]
        ),
        "kontaktkonsulent": _("The unit has a contact consultant"),
    }
    return {key: texts[key] % {"count": count} for key, count in counts.items() if count}
