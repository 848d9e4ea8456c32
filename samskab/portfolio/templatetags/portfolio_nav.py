from django import template

from samskab.organisations.access import scope_for

register = template.Library()


@register.simple_tag(takes_context=True)
def sees_portfolio(context) -> bool:
    """True for the people the portfolio is for (the main menu shows its link only to them)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and scope_for(user).sees_portfolio())
