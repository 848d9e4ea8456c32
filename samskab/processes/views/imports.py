"""Excel import of steps 1–5 (challenges, solutions, follow-ups, measurements)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from samskab.processes.access import Access, get_process_for_user


@login_required
def process_import(request, pk: int):
    process = get_process_for_user(request.user, pk, Access.EDIT)
    return render(request, "processes/import.html", {"process": process})


@login_required
def import_template(request, pk: int):
    get_process_for_user(request.user, pk, Access.EDIT)
    return HttpResponse(b"", content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
