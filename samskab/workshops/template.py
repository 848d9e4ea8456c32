"""The evaluation workshop's template (the method's step 6): "Læring af samskabt styring".

Texts are translated when the workshop is created, so a Danish workshop stores Danish text.
The keys stay the same in any language: later work reads the anchoring statements by key.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samskab.workshops.models import Heading, HeadingKind, Section, SectionKind, Statement, Workshop

LEARNING_COLUMNS = [
    ("keep", gettext_lazy("Do again")),
    ("change", gettext_lazy("Do differently")),
    ("avoid", gettext_lazy("Avoid")),
]
LEARNING_THEMES = [
    ("method", gettext_lazy("The method")),
    ("results", gettext_lazy("The results of the governance solutions")),
    ("roles", gettext_lazy("The participants' roles")),
    ("tasks", gettext_lazy("Tasks along the way")),
    ("obstacles", gettext_lazy("Organisational or cultural obstacles")),
]
REFLECTION = gettext_lazy(
    "Did we involve the relevant participants and stakeholders? Were we open enough to others' input and "
    "suggestions? Did we communicate enough, and at the right times? How did our roles change?"
)
TRANSFER_COLUMNS = [
    ("elsewhere", gettext_lazy("What can be used in other contexts?")),
    ("next", gettext_lazy("New workflows or challenges we could take on?")),
]
# The eight anchoring statements, phrased so that high is good (1 = not at all … 5 = to a high degree).
ANCHORING_STATEMENTS = [
    ("leadership_support", gettext_lazy("The leadership clearly supports the new way of governing")),
    ("stable_leadership", gettext_lazy("The key leadership posts are stable")),
    ("room_beside_agendas", gettext_lazy("The work has room beside other agendas")),
    ("shared_expectations", gettext_lazy("We agree on what we can expect of each other")),
    ("competences", gettext_lazy("We have the competences to carry on ourselves")),
    ("relations", gettext_lazy("We have the relations to those we must work with")),
    ("governance_tools", gettext_lazy("Our governance tools support the new way")),
    ("dialogue_arenas", gettext_lazy("We have fixed places to discuss governance (for example MED meetings)")),
]


def _headings(section: Section, kind: str, items) -> list[Heading]:
    return [Heading(section=section, kind=kind, key=key, text=str(text), order=i) for i, (key, text) in enumerate(items)]


def _statements(section: Section, items) -> list[Statement]:
    return [Statement(section=section, key=key, text=str(text), order=i) for i, (key, text) in enumerate(items)]


def add_template_sections(workshop: Workshop) -> None:
    """Give a new workshop the step-6 sections, in the order the method suggests."""
    status = Section(
        workshop=workshop,
        kind=SectionKind.STATUS,
        title=_("How has each challenge gone?"),
        intro=_("One challenge at a time: how is it going, and what is needed? What is stalled?"),
        order=0,
    )
    learning = Section(
        workshop=workshop, kind=SectionKind.BOARD, title=_("Learning from co-created governance"), intro=str(REFLECTION), order=1
    )
    transfer = Section(
        workshop=workshop,
        kind=SectionKind.BOARD,
        title=_("What can we take further?"),
        intro=_("Think beyond this workplace: what could others use, and what could we take on next?"),
        order=2,
    )
    rating = Section(
        workshop=workshop,
        kind=SectionKind.RATING,
        title=_("Anchoring"),
        intro=_("How much do you agree? 1 = not at all, 5 = to a high degree."),
        order=3,
    )
    for section in (status, learning, transfer, rating):
        section.save()
    Heading.objects.bulk_create(
        _headings(learning, HeadingKind.COLUMN, LEARNING_COLUMNS)
        + _headings(learning, HeadingKind.THEME, LEARNING_THEMES)
        + _headings(transfer, HeadingKind.COLUMN, TRANSFER_COLUMNS)
    )
    Statement.objects.bulk_create(_statements(rating, ANCHORING_STATEMENTS))
