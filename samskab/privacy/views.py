"""The municipality administrator's pages on personal data."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.utils.translation import gettext as _

from samskab.administration.access import municipality_admin_required
from samskab.organisations.models import Organisation
from samskab.privacy import services
from samskab.privacy.access import get_person_for_admin, people_for_admin
from samskab.privacy.erasure import FORMER_EMPLOYEE, open_actions
from samskab.privacy.export import person_zip
from samskab.privacy.forms import ErasureForm, RetentionPeriodsForm
from samskab.privacy.models import Erasure, retention_for


@require_GET
def privacy_index(request):
    """Public: the privacy page of the visitor's municipality, or a choice of municipality."""
    if request.user.is_authenticated and request.user.organisation_id:
        return redirect("privacy:privacy", slug=request.user.organisation.slug)
    return render(request, "privacy/privacy_index.html", {"organisations": Organisation.objects.all()})


@require_GET
def privacy(request, slug: str):
    """Public: "Sådan behandler vi dine data" for one municipality, from its retention periods."""
    org = get_object_or_404(Organisation, slug=slug)
    context = {"org": org, "periods": retention_for(org), "session_hours": round(settings.SESSION_COOKIE_AGE / 3600)}
    return render(request, "privacy/privacy.html", context)


@municipality_admin_required
def retention(request):
    form = RetentionPeriodsForm(request.POST or None, instance=retention_for(request.organisation))
    if request.method == "POST" and form.is_valid():
        services.retention_periods_save(periods=form.instance, by=request.user)
        messages.success(request, _("The retention periods were saved."))
        return redirect("privacy:privacy_retention")
    return render(request, "privacy/retention.html", {"form": form, "nav": "administration", "admin_nav": "retention"})


@municipality_admin_required
def people(request):
    # Those who left (made inactive, e.g. by the organisation sync) are listed too: they are the ones to erase.
    # Not NULL: an erasure whose person row is gone would make NOT IN match nobody.
    erased = Erasure.objects.filter(person__isnull=False).values("person")
    rows = people_for_admin(request.user).exclude(pk=request.user.pk).exclude(pk__in=erased)
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
        return redirect("privacy:privacy_people")
    context = {"person": person, "actions": form.actions, "form": form, "nav": "administration", "admin_nav": "people"}
    return render(request, "privacy/erase.html", context)


def _zip_response(person) -> HttpResponse:
    response = HttpResponse(person_zip(person), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="samskab-data-{person.pk}.zip"'
    return response


@login_required
def my_data(request):
    return render(request, "privacy/my_data.html", {"nav": "account"})


@login_required
def my_data_export(request):
    return _zip_response(request.user)


@municipality_admin_required
def person_export(request, pk: int):
    return _zip_response(get_person_for_admin(request.user, pk))
