"""`{% contact_consultant %}`: the contact consultant shown where a unit's people look."""

from django import template

from samskab.network.contacts import distinct_contacts
from samskab.organisations.access import scope_for

register = template.Library()


@register.inclusion_tag("network/includes/contact_consultant.html", takes_context=True)
def contact_consultant(context, unit=None, processes=()):
    """The contact consultant of `unit`, or, without one, of the reader's units and `processes`' units.

    One query, whatever the number of units.
    """
    if unit is not None:
        paths = [unit.path]
    else:
        paths = scope_for(context["request"].user).paths() + [process.unit.path for process in processes]
    return {"contacts": distinct_contacts(paths), "reader": context["request"].user}
