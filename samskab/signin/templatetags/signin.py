from django import template
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samskab.organisations.models import Organisation
from samskab.signin import saml
from samskab.signin.models import SignInSettings

register = template.Library()


@register.simple_tag
def sign_in_options(request) -> dict:
    """The login page's single sign-on buttons, and whether it offers the password form.

    With ?kommune=<short name>, only that municipality's. Passwords are offered unless the
    municipality (or, on the plain login page, every municipality) has turned them off.
    """
    chosen = request.GET.get("kommune", "")
    settings = SignInSettings.objects.select_related("organisation").order_by("organisation__name")
    if chosen:
        settings = settings.filter(organisation__slug=chosen)
    next_url = request.GET.get("next", "")
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    options = []
    for item in settings:
        name = item.organisation.name
        if item.has_saml and saml.is_configured():
            options.append((_("Log in through %(municipality)s") % {"municipality": name},
                            reverse("signin:saml_login", args=[item.organisation.slug]) + query))
        if item.has_oidc:
            label = _("Log in through %(municipality)s") % {"municipality": name}
            if item.has_saml and saml.is_configured():
                label += " (OpenID Connect)"
            options.append((label, reverse("signin:oidc_login", args=[item.organisation.slug]) + query))
    if chosen:
        passwords = not any(item.local_passwords is False for item in settings)
    else:
        without_passwords = {item.organisation_id for item in settings if not item.local_passwords}
        passwords = Organisation.objects.exclude(pk__in=without_passwords).exists() or not without_passwords
    return {"options": options, "passwords": passwords}
