from django.urls import reverse

from samskab.processes.models import Process, Solution, SolutionStatus
from tests.helpers import assert_form_error, html, row


def solution_of(process: Process) -> Solution:
    return Solution.objects.get(challenge__process=process, title="Teamlederen godkender kørsel")


def url(solution: Solution) -> str:
    return reverse("processes:solution_edit", args=[solution.pk])


def data(solution: Solution, **overrides) -> dict:
    values = {
        "title": solution.title,
        "description": solution.description,
        "expected_effect": solution.expected_effect,
        "owner": solution.owner_id or "",
        "start_date": solution.start_date.isoformat() if solution.start_date else "",
        "status": solution.status,
    }
    values.update(overrides)
    return values


def test_the_form_shows_what_is_saved(demo, client_as):
    solution = solution_of(demo)
    response = client_as("konsulent").get(url(solution))
    assert response.status_code == 200
    assert response.context["form"]["owner"].value() == solution.owner_id
    assert f'value="{solution.title}"' in html(response)


def test_the_leader_edits_the_solution(demo, client_as, personas):
    solution = solution_of(demo)
    client = client_as("leder")
    response = client.post(
        url(solution), data(solution, owner=personas["amr"].pk, status=SolutionStatus.IMPLEMENTED, description="Nyt")
    )
    assert response.status_code == 302
    assert response.url == solution.get_absolute_url()
    solution.refresh_from_db()
    assert solution.owner == personas["amr"]
    assert solution.status == SolutionStatus.IMPLEMENTED
    assert "Nyt" in html(client.get(solution.get_absolute_url()))
    assert "status-implementeret" in row(client.get(demo.get_absolute_url()), solution.title)


def test_the_history_shows_who_changed_what(demo, client_as, personas):
    solution = solution_of(demo)
    client_as("leder").post(url(solution), data(solution, owner=personas["amr"].pk, title="Teamlederen godkender"))
    page = html(client_as("medarbejder").get(solution.get_absolute_url()))
    assert str(personas["leder"]) in page  # who
    assert "Teamlederen godkender kørsel → Teamlederen godkender" in page  # what
    assert f"{personas['leder']} → {personas['amr']}" in page  # the owner, by name


def test_it_rejects_an_owner_who_does_not_take_part(demo, client_as, personas):
    solution = solution_of(demo)
    values = data(solution, owner=personas["central"].pk, title="Ny titel")
    response = client_as("konsulent").post(url(solution), values)
    assert_form_error(response, "owner")
    assert 'value="Ny titel"' in html(response)
    solution.refresh_from_db()
    assert solution.owner == personas["leder"]
    assert solution.title == "Teamlederen godkender kørsel"


def test_participants_and_med_members_may_not_edit(demo, client_as):
    solution = solution_of(demo)
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(solution), data(solution, title="Ændret")).status_code == 403
    assert client_as("leder-syd").post(url(solution), data(solution, title="Ændret")).status_code == 404
    assert client_as("nabo").post(url(solution), data(solution, title="Ændret")).status_code == 404
    solution.refresh_from_db()
    assert solution.title == "Teamlederen godkender kørsel"


def test_an_unknown_solution_is_not_found(demo, client_as):
    client = client_as("central")
    assert client.get(reverse("processes:solution", args=[999999])).status_code == 404
    assert client.get(reverse("processes:solution_edit", args=[999999])).status_code == 404


def test_the_facilitator_deletes_a_solution_after_confirming(demo, client_as):
    solution = solution_of(demo)
    client = client_as("konsulent")
    delete_url = reverse("processes:solution_delete", args=[solution.pk])
    assert client.get(delete_url).status_code == 200
    response = client.post(delete_url)
    assert response.status_code == 302
    assert response.url == solution.challenge.get_absolute_url()
    assert not Solution.objects.filter(pk=solution.pk).exists()


def test_a_participant_may_not_delete_a_solution(demo, client_as):
    solution = solution_of(demo)
    assert client_as("tr").post(reverse("processes:solution_delete", args=[solution.pk])).status_code == 403
    assert Solution.objects.filter(pk=solution.pk).exists()


def test_an_owner_who_no_longer_takes_part_stays_until_changed(demo, client_as, personas):
    solution = solution_of(demo)
    demo.participants.filter(user=personas["leder"]).delete()
    client = client_as("konsulent")
    form = client.get(url(solution))
    assert f'<option value="{personas["leder"].pk}" selected>' in html(form)
    response = client.post(url(solution), data(solution, description="Kun beskrivelsen er ændret"))
    assert response.status_code == 302
    solution.refresh_from_db()
    assert solution.owner == personas["leder"]
    # Others who do not take part are still refused.
    assert_form_error(client.post(url(solution), data(solution, owner=personas["central"].pk)), "owner")


def test_each_participant_is_offered_once(demo, client_as, personas):
    solution = solution_of(demo)
    owners = list(client_as("konsulent").get(url(solution)).context["form"].fields["owner"].queryset)
    assert len(owners) == len(set(owners)) == demo.participants.count()
