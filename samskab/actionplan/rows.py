"""The action plan's table rows, written as escaped HTML in Python: plans run to hundreds of actions.

The template prints the rows once (see core/rows.py and processes/overview.py for the pattern).
Labels are translated and escaped once per page; each row is one f-string.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from samskab.core.rows import LongDate, url_maker
from samskab.rounds.models import ActionStatus


class RowWriter:
    """Writes an action's row for a viewer; `round_pk` marks actions carried over from earlier rounds."""

    def __init__(self, *, user_pk: int, can_edit: bool, round_pk: int | None = None, show_process: bool = False, mine: bool = False):
        self.user_pk, self.can_edit, self.round_pk, self.show_process = user_pk, can_edit, round_pk, show_process
        self.date = LongDate()
        self.labels = {
            key: escape(text)
            for key, text in {
                "what": _("What"), "why": _("Why"), "process": _("Process"), "who": _("Who"), "deadline": _("By when"),
                "status": _("Status"), "done": _("Done on"), "links": _("Calendar and changes"), "source": _("Source"),
                "agreed": _("Agreed at the workshop"), "overdue": _("overdue"), "calendar": _("Calendar"),
                "edit": _("Edit"), "delete": _("Delete"),
            }.items()
        }  # fmt: skip
        self.statuses = {status.value: escape(status.label) for status in ActionStatus}
        self.carried = escape(_("carried over from round %(number)s"))
        self.edit_url, self.delete_url, self.ics_url = (
            url_maker("actionplan:plan_action_edit"), url_maker("actionplan:plan_action_delete"), url_maker("actionplan:action_ics")
        )
        self.process_url = url_maker("processes:process")
        self.next = "?next=mine" if mine else ""

    def _why(self, action) -> str:
        why = escape(action.why) if action.why else "–"
        source = action.source
        if source is not None and hasattr(source, "get_absolute_url"):
            return f'{why} <a href="{source.get_absolute_url()}">{self.labels["source"]}<span class="sr-only">: {escape(action.what)}</span></a>'
        if action.section_id:
            return f'{why} <span class="samskab-meta">{self.labels["agreed"]}</span>'
        return why

    def _links(self, action) -> str:
        what = escape(action.what)
        links = []
        if action.deadline:
            links.append(f'<a href="{self.ics_url(action.pk)}">{self.labels["calendar"]}<span class="sr-only">: {what}</span></a>')
        if self.can_edit or (action.owner is not None and action.owner.user_id == self.user_pk):
            links.append(f'<a href="{self.edit_url(action.pk)}{self.next}">{self.labels["edit"]}<span class="sr-only">: {what}</span></a>')
        if self.can_edit:
            links.append(f'<a href="{self.delete_url(action.pk)}">{self.labels["delete"]}<span class="sr-only">: {what}</span></a>')
        return " · ".join(links)

    def row(self, action) -> SafeString:
        labels = self.labels
        carried = ""
        if self.round_pk is not None and action.round_id != self.round_pk:
            carried = f' <span class="status status-none">{self.carried % {"number": action.round.number}}</span>'
        process = ""
        if self.show_process:
            process = (
                f'<td data-title="{labels["process"]}"><a href="{self.process_url(action.round.process_id)}">'
                f"{escape(action.round.process.title)}</a></td>"
            )
        owner = escape(action.owner.user.get_full_name()) if action.owner else "–"
        deadline = self.date(action.deadline) if action.deadline else "–"
        if action.is_overdue:
            deadline += f' <strong class="status status-haenger">{labels["overdue"]}</strong>'
        done = self.date(action.done_on) if action.done_on else "–"
        overdue = ' class="samskab-overdue"' if action.is_overdue else ""
        return mark_safe(
            f'<tr{overdue}><td data-title="{labels["what"]}">{escape(action.what)}{carried}</td>'
            f'<td data-title="{labels["why"]}" class="samskab-pre">{self._why(action)}</td>{process}'
            f'<td data-title="{labels["who"]}">{owner}</td><td data-title="{labels["deadline"]}">{deadline}</td>'
            f'<td data-title="{labels["status"]}"><span class="status status-action-{action.status}">'
            f'{self.statuses[action.status]}</span></td><td data-title="{labels["done"]}">{done}</td>'
            f'<td data-title="{labels["links"]}">{self._links(action)}</td></tr>'
        )
