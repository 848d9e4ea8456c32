"""The projector: the wall of the meeting room, without the site's chrome, fitted to one screen."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from samskab.workshops import joining, live
from samskab.workshops.access import get_workshop_for_facilitator
from samskab.workshops.models import Phase, Section, WorkshopStatus
from samskab.workshops.projection import rating_charts
from samskab.workshops.qr import join_qr
from samskab.workshops.state import board_state


@login_required
def projector(request, pk: int):
    """The whole page, or (HTMX) the fragment that assets/live.js fetches again on every change."""
    workshop = get_workshop_for_facilitator(request.user, pk)
    seq = live.current_seq(workshop.pk)  # before the state is read: it includes every change up to seq
    closed = workshop.status == WorkshopStatus.CLOSED
    current = None if closed else Section.objects.filter(pk=workshop.current_section_id).first()
    board = board_state(current, for_facilitator=False) if current else None
    join_url = request.build_absolute_uri(f"/w/{workshop.join_code}/")
    joinable = joining.why_not_open(workshop) is None  # the code is shown only while it lets people in
    context = {
        "seq": seq,
        "workshop": workshop,
        "current": current,
        "board": board,
        "charts": rating_charts(board) if board and board["kind"] == "vurdering" and not board["open"] else None,
        "concluding": current is not None and current.phase == Phase.CONCLUDE,
        "join_url": join_url,
        "join_address": request.build_absolute_uri("/w/"),
        "joinable": joinable,
        "qr": join_qr(join_url) if joinable else "",
    }
    template = "workshops/projector/wall.html" if request.htmx else "workshops/projector/page.html"
    return render(request, template, context)
