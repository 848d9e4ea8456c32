"""The municipality administrators' view of the audit trail, and its JSON lines download."""

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from samskab.administration.access import municipality_admin_required
from samskab.audit.forms import TrailFilterForm
from samskab.audit.queries import events_for, json_lines

PER_PAGE = 50


def _filtered(request):
    form = TrailFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    return form, events_for(request.organisation, **{key: value for key, value in filters.items() if value})


@municipality_admin_required
def trail(request):
    form, events = _filtered(request)
    page = Paginator(events.select_related(None), PER_PAGE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "audit/trail.html",
        {"form": form, "page": page, "query": query.urlencode(), "admin_nav": "audit", "nav": "administration"},
    )


@municipality_admin_required
def trail_export(request):
    _form, events = _filtered(request)
    response = StreamingHttpResponse(json_lines(events), content_type="application/jsonl; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="revisionsspor-{day}.jsonl"'
    return response
