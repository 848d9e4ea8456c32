from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from samskab.comparison.compare import compare
from samskab.core.forms import StyledForm
from samskab.processes.access import get_process_for_user


class RoundsForm(StyledForm, forms.Form):
    """Which two rounds to compare; by default the latest two."""

    a = forms.ModelChoiceField(queryset=None, label=_("Earlier round"), empty_label=None)
    b = forms.ModelChoiceField(queryset=None, label=_("Later round"), empty_label=None)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("a", "b"):
            self.fields[name].queryset = rounds
            self.fields[name].error_messages["invalid_choice"] = _("Choose one of the process's rounds.")

    def clean(self):
        data = super().clean()
        if data.get("a") is not None and data.get("a") == data.get("b"):
            self.add_error("b", _("Choose two different rounds: a round compared with itself shows no change."))
        return data


@login_required
def comparison(request, pk: int):
    process = get_process_for_user(request.user, pk)
    rounds = process.rounds.order_by("-number")
    latest = list(rounds[:2])
    context = {"process": process, "enough": len(latest) == 2}
    if context["enough"]:
        defaults = {"a": latest[1].pk, "b": latest[0].pk}
        form = RoundsForm(request.GET if "a" in request.GET else defaults, rounds=rounds)
        if form.is_valid():
            first, second = sorted([form.cleaned_data["a"], form.cleaned_data["b"]], key=lambda r: r.number)
            context.update(compare(first, second, seen_by=request.user), first=first, second=second)
        context["form"] = form
    return render(request, "comparison/comparison.html", context)
