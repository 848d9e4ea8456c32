"""Erfaringsbank: search the municipality's lessons, open one, keep it inside the forløb, use it at home.

Everybody in a municipality finds its shared items; an item kept inside its forløb is found only
by those who may see that forløb. The context behind an item (the solution, the approved
referat) is linked only where the reader may see the forløb; elsewhere the item names the unit
and who to contact. Search text of any kind gives results or a Danish message, never an error.
"""

from math import ceil

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.bank import adopt as adoption
from samskab.bank import services, words
from samskab.bank.access import get_bank_item_for_user, get_bank_item_to_adopt
from samskab.bank.facets import facets
from samskab.bank.forms import AdoptForm, SearchForm
from samskab.bank.models import BankItem, ItemKind
from samskab.bank.search import Filters, Unsearchable, search
from samskab.decisions.models import Decision
from samskab.organisations.access import scope_for
from samskab.organisations.models import Role, Unit
from samskab.processes.access import Access, process_access
from samskab.processes.models import Participant
from samskab.workshops.queries import workshop_of

PAGE_SIZE = 20
MAX_PAGE = 500


def _page_number(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        return 1


def _page_url(request, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.path}?{query.urlencode()}"


@login_required
def bank_search(request):
    """The search page: blank text lists the newest items; filters narrow either list."""
    scope = scope_for(request.user)  # someone of no municipality finds nothing
    units, years = facets(scope.organisation_id)
    form = SearchForm(request.GET or None, units=units, years=years)
    text, filters = "", Filters()
    if form.is_bound:
        form.is_valid()  # a bad filter value is shown as an error and left out of the search
        data = form.cleaned_data
        text = data.get("q") or ""
        unit_path = ""
        if data.get("unit"):
            unit_path = Unit.objects.filter(pk=data["unit"], organisation_id=scope.organisation_id).values_list(
                "path", flat=True
            ).first() or ""
        filters = Filters(
            unit_path=unit_path,
            theme=data.get("theme") or "",
            kind=data.get("kind") or "",
            decision=data.get("decision") or "",
            year=data.get("year"),
        )
    page = _page_number(request.GET.get("page"))
    results = None
    try:
        results = search(request.user, text, filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    except Unsearchable as problem:
        form.add_error("q", str(problem))
    else:
        for item in results.items:
            item.snippet = words.excerpt(item.text, results.terms)
    pages = ceil(results.total / PAGE_SIZE) if results else 0
    return render(
        request,
        "bank/search.html",
        {
            "nav": "bank",
            "form": form,
            "text": text,
            "results": results,
            "page": page,
            "pages": pages,
            "previous_url": _page_url(request, page - 1) if results and page > 1 else "",
            "next_url": _page_url(request, page + 1) if results and page < pages else "",
            "filtered": any([filters.unit_path, filters.theme, filters.kind, filters.decision, filters.year]),
        },
    )


def _context_url(item: BankItem) -> str:
    """Where the item was learned: the solution's page, or the workshop's approved referat."""
    if item.kind == ItemKind.SOLUTION:
        solution_id = Decision.objects.filter(pk=item.source_id).values_list("solution_id", flat=True).first()
        return reverse("processes:solution", args=[solution_id]) if solution_id else ""
    workshop = workshop_of(item.round)
    return reverse("workshops:minutes", args=[workshop.pk]) if workshop else ""


def contacts(item: BankItem) -> list:
    """Who to ask about the item: the workshop's facilitators, else the forløb's konsulenter."""
    workshop = workshop_of(item.round)
    people = list(workshop.facilitators.order_by("first_name", "last_name")) if workshop else []
    if not people:
        people = [
            participant.user
            for participant in Participant.objects.filter(process_id=item.process_id, role=Role.CONSULTANT).select_related(
                "user"
            )
        ]
    return people


@login_required
def bank_item(request, pk: int):
    """An item: where it was learned, its context or whom to ask, where it has spread, and "Brug hos os"."""
    item = get_bank_item_for_user(request.user, pk)
    access = process_access(request.user, item.process)
    processes = adoption.target_processes(request.user, item)
    uses = []
    for used in item.adoptions.select_related("process__unit", "solution").order_by("process__unit__name"):
        seen = process_access(request.user, used.process) >= Access.READ
        uses.append({"unit": used.process.unit, "solution": used.solution if seen else None})
    return render(
        request,
        "bank/item.html",
        {
            "nav": "bank",
            "item": item,
            "context_url": _context_url(item) if access >= Access.READ else "",
            "contacts": contacts(item) if access == Access.NONE else [],
            "can_share": access >= Access.EDIT,
            "units": adoption.spread(item),
            "uses": uses,
            "adopt_form": AdoptForm(processes=processes) if processes else None,
        },
    )


@login_required
@require_POST
def bank_share(request, pk: int):
    """Keep the item inside its forløb, or share it in the municipality again: the forløb's editors only."""
    item = get_bank_item_for_user(request.user, pk, share=True)
    choice = request.POST.get("shared")
    if choice not in ("0", "1"):  # not sent from the page's buttons: nothing changes
        return redirect(item)
    services.bank_item_share(item=item, shared=choice == "1", by=request.user)
    if item.shared:
        messages.success(request, _("The item is shared in the whole municipality again."))
    else:
        messages.success(request, _("The item is kept inside the process: only those who may see the process find it."))
    return redirect(item)


@login_required
def bank_adopt(request, pk: int):
    """"Brug hos os": copy the item into one of the reader's own forløb as a challenge and solution draft."""
    item, processes = get_bank_item_to_adopt(request.user, pk)
    form = AdoptForm(request.POST or None, processes=processes)
    if request.method == "POST" and form.is_valid():
        process = form.chosen()
        used, made = services.bank_item_adopt(
            item=item, process=process, by=request.user, link=request.build_absolute_uri(item.get_absolute_url())
        )
        if made:
            messages.success(
                request,
                _("“%(title)s” is now a challenge with a solution draft in %(process)s. Adapt it to your workplace.")
                % {"title": item.title, "process": process.title},
            )
        else:
            messages.success(
                request,
                _("“%(title)s” was already used in %(process)s. Here is that copy.")
                % {"title": item.title, "process": process.title},
            )
        return redirect(used.solution)
    return render(request, "bank/adopt.html", {"nav": "bank", "item": item, "form": form})
