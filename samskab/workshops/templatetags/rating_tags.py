"""The ratings by role as a compact table (workshops/projection.py), for includes/rating_roles.html."""

from django import template

from samskab.workshops.projection import role_table as _role_table

register = template.Library()


@register.filter
def role_table(board: dict):
    return _role_table(board)
