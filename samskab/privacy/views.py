"""The municipality administrator's pages on personal data."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django.utils.translation import gettext as _

from samskab.administration.access import municipality_admin_required
from samskab.privacy import services
from samskab.privacy.access import get_person_for_admin, people_for_admin
from samskab.privacy.erasure import FORMER_EMPLOYEE, open_actions
from samskab.privacy.forms import ErasureForm, RetentionPeriodsForm
from samskab.privacy.models import retention_for


@municipality_admin_required
def retention(request):
    form = RetentionPeriodsForm(request.POST or None, instance=retention_for(request.organisation))
    if request.method == "POST" and form.is_valid():
        services.retention_periods_save(periods=form.instance, by=request.user)
        messages.success(request, _("The retention periods were saved."))
        return redirect("privacy_retention")
    return render(request, "privacy/retention.html", {"form": form, "nav": "administration", "admin_nav": "retention"})


@municipality_admin_required
def people(request):
    rows = people_for_admin(request.user).filter(is_active=True).exclude(pk=request.user.pk)
    return render(request, "privacy/people.html", {"people": rows, "nav": "administration", "admin_nav": "people"})


@require_http_methods(["GET", "POST"])
@municipality_admin_required
def erase(request, pk: int):
    person = get_person_for_admin(request.user, pk)
    actions = open_actions(person)
    form = ErasureForm(request.POST or None, actions=actions, person=person)
    if request.method == "POST" and form.is_valid():
        services.person_erase(person=person, new_owners=form.new_owners(), by=request.user)
        messages.success(request, _("The person is erased: they are now “%(name)s” everywhere.") % {"name": FORMER_EMPLOYEE})
        return redirect("privacy_people")
    context = {"person": person, "actions": form.actions, "form": form, "nav": "administration", "admin_nav": "people"}
    return render(request, "privacy/erase.html", context)
