from django import template

from samskab.ideas.access import may_read

register = template.Library()


@register.filter
def sees_ideas(user) -> bool:
    """For the main menu: the list of ideas is for central konsulenter and the MED-hovedudvalg."""
    return bool(user.is_authenticated and may_read(user))
