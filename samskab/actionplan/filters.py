"""Sorting and filtering a round's action plan: by owner, status, overdue and where each action came from.

Plans run to hundreds of actions, read once (actionplan/plan.py); the choice is made on that list,
so filtering costs no query.
"""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from samskab.core.forms import StyledForm
from samskab.rounds.models import ActionStatus

# Where an action came from, by the model of its source: the workshop's aftaler have their section.
SOURCES = {
    "aftale": _("agreed at the workshop"),
    "decision": _("a decision"),
    "processdecision": _("the decision on the process"),
    "anchoringcheck": _("the anchoring check"),
    "anchoringmeasure": _("an anchoring measure"),
    "communicationrow": _("the communication plan"),
    "own": _("added to the plan"),
}
SORTS = {
    "deadline": (_("By when"), lambda action: (action.deadline is None, action.deadline, action.pk)),
    "owner": (_("Who"), lambda action: (action.owner is None, action.owner.user.get_full_name() if action.owner else "", action.pk)),
    "status": (_("Status"), lambda action: (list(ActionStatus).index(action.status), action.deadline is None, action.deadline, action.pk)),
}


def source_of(action) -> str:
    if action.section_id:
        return "aftale"
    if action.source_type_id is None:
        return "own"
    model = ContentType.objects.get_for_id(action.source_type_id).model  # cached: no query per action
    return model if model in SOURCES else "own"


class PlanFilterForm(StyledForm, forms.Form):
    owner = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)
    source = forms.ChoiceField(label=_("Source"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[(key, label) for key, (label, _key) in SORTS.items()])

    def __init__(self, *args, actions, **kwargs):
        super().__init__(*args, **kwargs)
        owners = {action.owner_id: action.owner.user.get_full_name() for action in actions if action.owner_id}
        everyone = [("", _("Everyone"))]
        self.fields["owner"].choices = everyone + sorted(owners.items(), key=lambda item: item[1])
        self.fields["status"].choices = [("", _("Every status"))] + list(ActionStatus.choices)
        present = {source_of(action) for action in actions}
        self.fields["source"].choices = [("", _("Every source"))] + [(key, label) for key, label in SOURCES.items() if key in present]

    def apply(self, actions: list) -> list:
        """The actions the form's choices keep, in its order (as the plan reads them without a choice)."""
        if not self.is_bound or not self.is_valid():
            return actions
        data = self.cleaned_data
        kept = [
            action
            for action in actions
            if (data["owner"] is None or action.owner_id == data["owner"])
            and (not data["status"] or action.status == data["status"])
            and (not data["source"] or source_of(action) == data["source"])
            and (not data["overdue"] or action.is_overdue)
        ]
        if data["sort"]:
            kept.sort(key=SORTS[data["sort"]][1])
        return kept
