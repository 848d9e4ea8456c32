"""The municipality's sign-in settings and role mapping, in its administration."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.administration.access import municipality_admin_required
from samskab.signin import oidc, saml, services
from samskab.signin.access import get_role_mapping_for_admin
from samskab.signin.forms import RoleMappingForm, SignInSettingsForm
from samskab.signin.models import RoleMapping


@municipality_admin_required
def sign_in_settings(request):
    current = services.sign_in_settings_for(request.organisation)
    form = SignInSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.sign_in_settings_save(settings=form.instance, by=request.user)
        messages.success(request, _("The sign-in settings were saved."))
        return redirect("signin:sign_in_settings")
    context = {
        "form": form,
        "admin_nav": "sign_in",
        "saml_ready": saml.is_configured(),
        "saml_metadata_url": saml.entity_id(),
        "oidc_redirect_uri": oidc.redirect_uri(),
        "oidc_secret_variable": oidc.secret_variable(current),
    }
    return render(request, "signin/settings.html", context)


def _mappings_page(request, form: RoleMappingForm):
    mappings = RoleMapping.objects.filter(organisation=request.organisation).select_related("unit")
    return render(request, "signin/role_mappings.html", {"form": form, "mappings": mappings, "admin_nav": "role_mappings"})


@municipality_admin_required
def role_mappings(request):
    form = RoleMappingForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST":
        if not form.is_valid():
            return _mappings_page(request, form)
        services.role_mapping_add(
            organisation=request.organisation,
            value=form.cleaned_data["value"],
            role=form.cleaned_data["role"],
            unit=form.cleaned_data["unit"],
            by=request.user,
        )
        messages.success(request, _("The role mapping was added."))
        return redirect("signin:role_mappings")
    return _mappings_page(request, form)


@require_POST
@municipality_admin_required
def role_mapping_remove(request, pk: int):
    services.role_mapping_remove(mapping=get_role_mapping_for_admin(request.user, pk), by=request.user)
    messages.success(request, _("The role mapping was removed."))
    return redirect("signin:role_mappings")
