"""Excel import of steps 1–5 (challenges, solutions, follow-ups, measurements)."""

import uuid
from io import BytesIO

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from samskab.accounts.models import User
from samskab.core.forms import StyledForm
from samskab.processes import services
from samskab.processes.access import Access, get_process_for_user
from samskab.processes.excel_format import MAX_FILE_BYTES, MAX_ROWS
from samskab.processes.excel_import import MAX_PROBLEMS_SHOWN, ImportRows, read_workbook
from samskab.processes.excel_template import build_template
from samskab.processes.models import Process

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ImportForm(StyledForm, forms.Form):
    """The upload; it carries the id it was shown with, so that sending it twice imports once."""

    file = forms.FileField(label=gettext_lazy("The filled-in workbook (.xlsx)"))
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = f".xlsx,{XLSX}"
        self.fields["file"].help_text = _("At most %(size)s MB and %(rows)s rows per sheet.") % {
            "size": MAX_FILE_BYTES // (1024 * 1024),
            "rows": number_format(MAX_ROWS, force_grouping=True),
        }
        if not self.is_bound:
            self.initial.setdefault("submission", uuid.uuid4())

    def submission_id(self) -> uuid.UUID:
        return self.cleaned_data.get("submission") or uuid.uuid4()


def _participants(process: Process) -> list[User]:
    return list(User.objects.filter(participations__process=process).order_by("username"))


def _created_message(rows: ImportRows) -> str:
    counts = [
        (len(rows.challenges), ngettext("%(count)s challenge", "%(count)s challenges", len(rows.challenges))),
        (len(rows.solutions), ngettext("%(count)s solution", "%(count)s solutions", len(rows.solutions))),
        (len(rows.follow_ups), ngettext("%(count)s follow-up", "%(count)s follow-ups", len(rows.follow_ups))),
        (len(rows.indicators), ngettext("%(count)s indicator", "%(count)s indicators", len(rows.indicators))),
        (len(rows.measurements), ngettext("%(count)s measurement", "%(count)s measurements", len(rows.measurements))),
    ]
    parts = ", ".join(text % {"count": count} for count, text in counts if count)
    return _("Imported from Excel: %(parts)s.") % {"parts": parts}


def _same_titles(process: Process, rows: ImportRows) -> int:
    existing = {title.casefold() for title in process.challenges.values_list("title", flat=True)}
    return sum(row.title.casefold() in existing for row in rows.challenges)


def _import(request, process: Process, rows: ImportRows, submission_id: uuid.UUID) -> None:
    """Import the rows, and tell the user what happened."""
    same = _same_titles(process, rows)
    if not services.import_workbook(process=process, rows=rows, submission_id=submission_id, by=request.user):
        messages.info(request, _(
            "This form has been sent already, and its file was imported then. Nothing new was created. "
            "To import another file, open the import page again."
        ))
        return
    messages.success(request, _created_message(rows))
    if same:
        warning = ngettext(
            "%(count)s imported challenge has the same title as one the process already had. "
            "If the file had been imported before, delete the copies.",
            "%(count)s imported challenges have the same title as ones the process already had. "
            "If the file had been imported before, delete the copies.",
            same,
        )
        messages.warning(request, warning % {"count": same})


@login_required
def process_import(request, pk: int):
    """Upload the filled-in template. All or nothing: any problem imports nothing and lists every one."""
    process = get_process_for_user(request.user, pk, Access.EDIT)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        rows, problems = read_workbook(form.cleaned_data["file"], people=_participants(process))
        if rows is not None:
            _import(request, process, rows, form.submission_id())
            return redirect(process)
        for problem in problems:
            if not problem.sheet:  # the file as a whole: shown at the file field
                form.add_error("file", problem.message)
        problems = [problem for problem in problems if problem.sheet]
    return render(
        request,
        "processes/import.html",
        {
            "process": process,
            "form": form,
            "problems": problems[:MAX_PROBLEMS_SHOWN],
            "problem_count": len(problems),
            "hidden_count": max(0, len(problems) - MAX_PROBLEMS_SHOWN),
        },
    )


@login_required
def import_template(request, pk: int):
    process = get_process_for_user(request.user, pk, Access.EDIT)
    content = build_template(process=process, people=_participants(process))
    return FileResponse(
        BytesIO(content), as_attachment=True, filename=f"samskab-import-{process.pk}.xlsx", content_type=XLSX
    )
