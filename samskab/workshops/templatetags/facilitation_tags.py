"""The facilitator's inline forms on the run page: a new group, a new lesson, a new agreement."""

from functools import cached_property

from django import template

from samskab.rounds.forms import ActionForm
from samskab.workshops.forms import GroupForm, LessonForm

register = template.Library()


class InlineForms:
    """Unbound forms for a section, each made when the template first asks for it.

    They get ids of their own: the paper-card form on the same page shares field names.
    """

    def __init__(self, section):
        self.section = section

    @cached_property
    def group(self) -> GroupForm:
        return GroupForm(auto_id="group_%s")

    @cached_property
    def lesson(self) -> LessonForm:
        return LessonForm(section=self.section, auto_id="lesson_%s")

    @cached_property
    def action(self) -> ActionForm:
        return ActionForm(process=self.section.workshop.round.process, auto_id="action_%s")


@register.simple_tag
def facilitation_forms(section) -> InlineForms:
    return InlineForms(section)
