"""The municipality's own administration: units, roles, MED committees and settings."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.administration import services
from samskab.administration.access import (
    get_med_committee_for_admin,
    get_membership_for_admin,
    get_unit_for_admin,
    municipality_admin_required,
)
from samskab.administration.forms import MedCommitteeForm, MembershipForm, OrganisationForm, UnitForm
from samskab.organisations.models import MedCommittee, Unit, tree_label


def _page(request, template: str, context: dict):
    return render(request, template, {"nav": "administration", **context})


@municipality_admin_required
def home(request):
    organisation = request.organisation
    counts = {
        "units": Unit.objects.filter(organisation=organisation, active=True).count(),
        "people": organisation.users.filter(is_active=True).count(),
        "committees": MedCommittee.objects.filter(unit__organisation=organisation).count(),
    }
    return _page(request, "administration/home.html", {"counts": counts, "admin_nav": "home"})


@municipality_admin_required
def units(request):
    rows = [
        (unit, tree_label(unit.name, unit.path))
        for unit in Unit.objects.filter(organisation=request.organisation).order_by("path")
    ]
    return _page(request, "administration/units.html", {"rows": rows, "admin_nav": "units"})


@municipality_admin_required
def unit_create(request):
    form = UnitForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        unit = services.unit_save(unit=form.instance, by=request.user)
        messages.success(request, _("The unit %(name)s was created.") % {"name": unit.name})
        return redirect("administration:administration_unit", unit.pk)
    return _page(request, "administration/unit_form.html", {"form": form, "admin_nav": "units"})


def _unit_page(request, unit: Unit, form: UnitForm, membership_form: MembershipForm):
    memberships = unit.memberships.select_related("user").order_by("role", "user__first_name", "user__last_name")
    return _page(
        request,
        "administration/unit.html",
        {"unit": unit, "form": form, "membership_form": membership_form, "memberships": memberships, "admin_nav": "units"},
    )


@municipality_admin_required
def unit_edit(request, pk: int):
    unit = get_unit_for_admin(request.user, pk)
    form = UnitForm(request.POST or None, instance=unit, organisation=request.organisation)
    if request.method == "POST":
        if form.is_valid():
            services.unit_save(unit=form.instance, by=request.user)
            messages.success(request, _("The unit was saved."))
            return redirect("administration:administration_unit", unit.pk)
        unit.refresh_from_db()
    return _unit_page(request, unit, form, MembershipForm(unit=unit))


@municipality_admin_required
def membership_add(request, pk: int):
    """Give someone a role in a unit (the unit's page has the same form)."""
    unit = get_unit_for_admin(request.user, pk)
    form = MembershipForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        membership = services.membership_add(membership=form.instance, by=request.user)
        messages.success(
            request,
            _("%(person)s now has the role %(role)s.") % {"person": membership.user, "role": membership.get_role_display()},
        )
        return redirect("administration:administration_unit", unit.pk)
    return _page(request, "administration/membership_form.html", {"unit": unit, "form": form, "admin_nav": "units"})


@require_POST
@municipality_admin_required
def membership_remove(request, pk: int):
    membership = get_membership_for_admin(request.user, pk)
    services.membership_remove(membership=membership, by=request.user)
    messages.success(
        request,
        _("%(person)s no longer has the role %(role)s.") % {"person": membership.user, "role": membership.get_role_display()},
    )
    return redirect("administration:administration_unit", membership.unit_id)


@municipality_admin_required
def committees(request):
    rows = MedCommittee.objects.filter(unit__organisation=request.organisation).select_related("unit")
    return _page(request, "administration/committees.html", {"committees": rows, "admin_nav": "committees"})


def _committee_form(request, committee: MedCommittee | None):
    form = MedCommitteeForm(request.POST or None, instance=committee, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        services.med_committee_save(committee=form.instance, members=form.cleaned_data["members"], by=request.user)
        messages.success(request, _("The MED committee %(name)s was saved.") % {"name": form.instance.name})
        return redirect("administration:administration_committees")
    return _page(
        request,
        "administration/committee_form.html",
        {"form": form, "committee": committee, "admin_nav": "committees"},
    )


@municipality_admin_required
def committee_create(request):
    return _committee_form(request, None)


@municipality_admin_required
def committee_edit(request, pk: int):
    return _committee_form(request, get_med_committee_for_admin(request.user, pk))


@municipality_admin_required
def settings(request):
    form = OrganisationForm(request.POST or None, instance=request.organisation)
    if request.method == "POST" and form.is_valid():
        services.organisation_settings_save(organisation=form.instance, by=request.user)
        messages.success(request, _("The settings were saved."))
        return redirect("administration:administration_settings")
    return _page(
        request, "administration/settings.html", {"form": form, "admin_nav": "settings"}
    )
