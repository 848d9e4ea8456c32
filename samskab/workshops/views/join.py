"""Public: joining a workshop from a phone with the code on the projector, without an account."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samskab.workshops import limits
from samskab.workshops.joining import JoinRefused, attendee_for, find_workshop, normalise_code, remember, why_not_open
from samskab.workshops.joining import join as join_workshop
from samskab.workshops.models import WorkshopStatus
from samskab.workshops.phone_forms import CodeForm, JoinForm


def _limited(request: HttpRequest) -> HttpResponse:
    seconds = limits.retry_after()
    response = render(request, "workshops/join_limited.html", {"minutes": max(1, round(seconds / 60))}, status=429)
    response["Retry-After"] = str(seconds)
    return response


def _wrong_code(request: HttpRequest, form: CodeForm) -> None:
    limits.count_wrong_try(request)
    form.add_error("code", _("No workshop has this code. Check the code on the projector and try again."))


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    """/w/: type the code shown on the projector."""
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if limits.limited(request):
            return _limited(request)
        if form.is_valid():
            workshop = find_workshop(form.cleaned_data["code"])
            if workshop is None:
                _wrong_code(request, form)
            elif workshop.status == WorkshopStatus.CLOSED:
                form.add_error("code", _("This workshop has been closed, so its code no longer works."))
            else:
                return redirect("workshops:join_code", code=workshop.join_code)
    return render(request, "workshops/join.html", {"form": form})


@require_http_methods(["GET", "POST"])
def join_code(request: HttpRequest, code: str) -> HttpResponse:
    """/w/<code>/: the address of the QR code. Says how the workshop treats what you write, then joins you."""
    workshop = find_workshop(code)
    if attendee_for(request, workshop) is not None:
        return redirect("workshops:phone", code=workshop.join_code)
    if limits.limited(request):
        return _limited(request)
    if workshop is None:
        form = CodeForm({"code": normalise_code(code)})  # shown again, with its error
        if form.is_valid():
            _wrong_code(request, form)
        else:
            limits.count_wrong_try(request)
        return render(request, "workshops/join.html", {"form": form}, status=404)
    if workshop.status == WorkshopStatus.CLOSED:
        return render(request, "workshops/join_closed.html", {"workshop": workshop}, status=410)
    initial = {}
    if request.user.is_authenticated and not workshop.anonymous:
        initial["name"] = request.user.get_full_name()
    form = JoinForm(request.POST if request.method == "POST" else None, named=not workshop.anonymous, initial=initial)
    refusal = why_not_open(workshop)
    if request.method == "POST" and form.is_valid():
        try:
            attendee = join_workshop(
                workshop=workshop,
                role=form.cleaned_data["role"],
                name="" if workshop.anonymous else form.cleaned_data["name"],
            )
        except JoinRefused as refused:
            refusal = refused.message
        else:
            response = redirect("workshops:phone", code=workshop.join_code)
            remember(response, attendee)
            return response
    context = {
        "workshop": workshop,
        "organisation_of_workshop": workshop.round.process.unit.organisation,
        "form": form,
        "refusal": refusal,
    }
    # The page says why nobody can join now; a join it refused answers 409 (Conflict).
    status = 409 if refusal and request.method == "POST" else 200
    return render(request, "workshops/join_workshop.html", context, status=status)
