"""Ambassadors, trained konsulenter, contact consultants and erfa-groups: read by the whole municipality."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max, Min, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samskab.bank.search import Filters, Unsearchable, items_for, search
from samskab.core.once import create_once
from samskab.network import services
from samskab.network.access import (
    get_agenda_item_for_user,
    get_contact_consultant_for_user,
    get_group_for_user,
    get_meeting_for_user,
    get_trained_facilitator_for_user,
    keeps_meetings,
    keeps_network,
    organisation_id_for,
    require_keeper,
)
from samskab.network.docx import render_meeting_docx
from samskab.network.forms import (
    AgendaTextForm,
    BankSearchForm,
    ContactConsultantForm,
    ErfaGroupForm,
    ErfaMeetingForm,
    TrainedFacilitatorForm,
    UnitFilterForm,
)
from samskab.network.models import ContactConsultant, ErfaGroup, TrainedFacilitator
from samskab.processes.access import Access, process_access
from samskab.processes.models import Participant

SEARCH_HITS = 10


@login_required
def ambassadors(request):
    """The municipality's ambassadors, with what they can tell about; the forløb named only to whoever may see it."""
    organisation_id = organisation_id_for(request.user)
    form = UnitFilterForm(request.GET or None, organisation_id=organisation_id)
    found = (
        Participant.objects.filter(
            is_ambassador=True, user__is_active=True, process__unit__organisation_id=organisation_id
        )
        .select_related("user", "process__unit")
        .order_by("user__first_name", "user__last_name", "process__title")
    )
    if form.is_valid() and form.cleaned_data["unit"]:
        found = found.filter(process__unit__path__startswith=form.cleaned_data["unit"].path)
    rows = [(participant, process_access(request.user, participant.process) >= Access.READ) for participant in found]
    return render(request, "network/ambassadors.html", {"form": form, "rows": rows, "nav": "network"})


@login_required
def consultants(request):
    """Konsulenter trained to facilitate the method, and each unit's contact consultant."""
    organisation_id = organisation_id_for(request.user)
    keeper = keeps_network(request.user)
    facilitator_form = contact_form = None
    if keeper:
        facilitator_form = TrainedFacilitatorForm(organisation_id=organisation_id)
        contact_form = ContactConsultantForm(organisation_id=organisation_id)
    posted = None
    if request.method == "POST":
        require_keeper(request.user)
        if "unit" in request.POST or "consultant" in request.POST:  # the contact consultant's form
            contact_form = posted = ContactConsultantForm(request.POST, organisation_id=organisation_id)
            if contact_form.is_valid():
                contact = services.contact_consultant_set(**contact_form.cleaned_data, by=request.user)
                messages.success(
                    request,
                    _("%(person)s is now the contact consultant of %(unit)s.")
                    % {"person": contact.consultant, "unit": contact.unit},
                )
                return redirect(reverse("network:network_consultants") + "#kontaktkonsulenter")
        else:
            facilitator_form = posted = TrainedFacilitatorForm(request.POST, organisation_id=organisation_id)
            if facilitator_form.is_valid():
                trained = facilitator_form.save()
                messages.success(request, _("%(person)s has been added as trained to facilitate.") % {"person": trained.user})
                return redirect("network:network_consultants")
    return render(
        request,
        "network/consultants.html",
        {
            "facilitators": TrainedFacilitator.objects.filter(organisation_id=organisation_id).select_related("user"),
            "contacts": ContactConsultant.objects.filter(unit__organisation_id=organisation_id).select_related(
                "unit", "consultant"
            ),
            "facilitator_form": facilitator_form,
            "contact_form": contact_form,
            "form": posted,  # the form that came back with errors, if any
            "keeper": keeper,
            "nav": "network",
        },
    )


@login_required
@require_POST
def facilitator_remove(request, pk: int):
    organisation_id = require_keeper(request.user)
    trained = get_trained_facilitator_for_user(request.user, pk)
    services.trained_facilitator_remove(trained=trained, by=request.user)
    messages.success(request, _("%(person)s has been removed from the trained konsulenter.") % {"person": trained.user})
    return redirect("network:network_consultants")


@login_required
@require_POST
def contact_remove(request, pk: int):
    contact = get_contact_consultant_for_user(request.user, pk)
    services.contact_consultant_remove(contact=contact, by=request.user)
    messages.success(request, _("%(unit)s no longer has a contact consultant of its own.") % {"unit": contact.unit})
    return redirect(reverse("network:network_consultants") + "#kontaktkonsulenter")


# Erfa-groups.


@login_required
def groups(request):
    organisation_id = organisation_id_for(request.user)
    today = timezone.localdate()
    found = (
        ErfaGroup.objects.filter(organisation_id=organisation_id)
        .annotate(
            member_count=Count("members", distinct=True),
            last_meeting=Max("meetings__date", filter=Q(meetings__date__lte=today)),
            next_meeting=Min("meetings__date", filter=Q(meetings__date__gt=today)),
        )
        .order_by("name")
    )
    return render(
        request, "network/groups.html", {"groups": found, "keeper": keeps_network(request.user), "nav": "network"}
    )


@login_required
def group_create(request):
    organisation_id = require_keeper(request.user)
    form = ErfaGroupForm(request.POST or None, organisation_id=organisation_id)
    if request.method == "POST" and form.is_valid():
        group = create_once(
            form, lambda new: services.erfa_group_create(group=new, members=form.cleaned_data["members"], by=request.user)
        )
        messages.success(request, _("The erfa-group has been created."))
        return redirect(group)
    return render(request, "network/group_form.html", {"form": form, "group": None, "nav": "network"})


@login_required
def group_detail(request, pk: int):
    group = get_group_for_user(request.user, pk)
    return render(
        request,
        "network/group_detail.html",
        {
            "group": group,
            "members": group.members.order_by("first_name", "last_name"),
            "meetings": group.meetings.annotate(items=Count("agenda")),
            "keeper": keeps_network(request.user),
            "plans": keeps_meetings(request.user, group),
            "nav": "network",
        },
    )


@login_required
def group_edit(request, pk: int):
    group = get_group_for_user(request.user, pk, edit=True)
    form = ErfaGroupForm(request.POST or None, instance=group, organisation_id=group.organisation_id)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The erfa-group has been saved."))
        return redirect(group)
    return render(request, "network/group_form.html", {"form": form, "group": group, "nav": "network"})


@login_required
def meeting_create(request, pk: int):
    group = get_group_for_user(request.user, pk, plan=True)
    form = ErfaMeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.group = group
        meeting = create_once(form)
        messages.success(request, _("The meeting has been created. Put its agenda together below."))
        return redirect(meeting)
    return render(request, "network/meeting_form.html", {"form": form, "group": group, "meeting": None, "nav": "network"})


@login_required
def meeting_edit(request, pk: int):
    meeting = get_meeting_for_user(request.user, pk)
    form = ErfaMeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The meeting has been saved."))
        return redirect(meeting)
    return render(
        request, "network/meeting_form.html", {"form": form, "group": meeting.group, "meeting": meeting, "nav": "network"}
    )


@login_required
def meeting_detail(request, pk: int):
    """The meeting, its agenda and notes; who plans it searches the erfaringsbank and adds to the agenda."""
    meeting = get_meeting_for_user(request.user, pk)  # who may see a meeting plans it
    text_form = AgendaTextForm(request.POST or None)
    if request.method == "POST" and text_form.is_valid():
        services.agenda_item_add(meeting=meeting, text=text_form.cleaned_data["text"], by=request.user)
        messages.success(request, _("The item has been added to the agenda."))
        return redirect(reverse("network:erfa_meeting", args=[meeting.pk]) + "#dagsorden")
    search_form, hits = _search(request)
    agenda = list(meeting.agenda.select_related("bank_item__unit"))
    return render(
        request,
        "network/meeting_detail.html",
        {
            "meeting": meeting,
            "group": meeting.group,
            "agenda": agenda,
            "on_agenda": {item.bank_item_id for item in agenda if item.bank_item_id},
            "held": meeting.date <= timezone.localdate(),
            "text_form": text_form,
            "form": text_form,
            "search_form": search_form,
            "hits": hits,
            "nav": "network",
        },
    )


def _search(request):
    """The search box and its hits; text that cannot be searched for comes back with the reason."""
    form = BankSearchForm(request.GET or None)
    if not form.is_bound or not form.is_valid() or not form.cleaned_data["q"].strip():
        if form.is_bound and "q" in request.GET and not request.GET["q"].strip():
            form.add_error("q", _("Write at least one word to search for."))
        return form, None
    try:
        return form, search(request.user, form.cleaned_data["q"], Filters(), limit=SEARCH_HITS)
    except Unsearchable as reason:
        form.add_error("q", str(reason))
        return form, None


@login_required
@require_POST
def agenda_add(request, pk: int):
    """Adds an erfaringsbank item to the agenda: one shared in the municipality, which every reader may see."""
    meeting = get_meeting_for_user(request.user, pk)
    try:
        item_pk = int(request.POST.get("item", ""))
    except ValueError:
        item_pk = 0
    item = items_for(request.user).filter(pk=item_pk, shared=True).first()
    back = reverse("network:erfa_meeting", args=[meeting.pk])
    query = request.POST.get("q", "")
    if query:
        back += "?" + urlencode({"q": query})
    if item is None:
        messages.error(request, _("The item cannot be found in the lesson bank, or it is not shared in the municipality."))
        return redirect(back)
    if meeting.agenda.filter(bank_item=item).exists():
        messages.warning(request, _("“%(title)s” is already on the agenda.") % {"title": item.title})
        return redirect(back)
    services.agenda_item_add(meeting=meeting, text=item.title, bank_item=item, by=request.user)
    messages.success(request, _("“%(title)s” has been added to the agenda.") % {"title": item.title})
    return redirect(back + "#dagsorden")


@login_required
@require_POST
def agenda_remove(request, pk: int):
    item = get_agenda_item_for_user(request.user, pk)
    services.agenda_item_remove(item=item, by=request.user)
    messages.success(request, _("“%(text)s” has been taken off the agenda.") % {"text": item.text})
    return redirect(reverse("network:erfa_meeting", args=[item.meeting_id]) + "#dagsorden")


@login_required
@require_POST
def agenda_move(request, pk: int):
    """Moves an agenda item one place up or down."""
    item = get_agenda_item_for_user(request.user, pk)
    services.agenda_item_move(item=item, up=request.POST.get("direction") == "up", by=request.user)
    return redirect(reverse("network:erfa_meeting", args=[item.meeting_id]) + f"#punkt-{item.pk}")


@login_required
def meeting_docx(request, pk: int):
    meeting = get_meeting_for_user(request.user, pk)
    # The notes are the municipality's document: Danish, whatever language the page is in.
    with translation.override("da"):
        body = render_meeting_docx(meeting, request.build_absolute_uri)
    response = HttpResponse(body, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response["Content-Disposition"] = f'attachment; filename="erfamoede-{meeting.date.isoformat()}.docx"'
    return response
