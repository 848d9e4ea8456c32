from django.urls import reverse

from samskab.processes.models import Challenge, Process
from tests.helpers import assert_form_error, html


def first_challenge(process: Process) -> Challenge:
    return process.challenges.get(title="Dobbeltdokumentation i omsorgssystemet")


def url(challenge: Challenge) -> str:
    return reverse("processes:challenge_edit", args=[challenge.pk])


def data(challenge: Challenge, **overrides) -> dict:
    values = {
        "title": challenge.title,
        "description": challenge.description,
        "why_problem": challenge.why_problem,
        "affected": challenge.affected,
        "priority": challenge.priority,
    }
    values.update(overrides)
    return values


def test_the_form_shows_what_is_saved(demo, client_as):
    challenge = first_challenge(demo)
    response = client_as("konsulent").get(url(challenge))
    assert response.status_code == 200
    assert f'value="{challenge.title}"' in html(response)
    assert challenge.why_problem in html(response)


def test_the_facilitator_edits_the_challenge(demo, client_as):
    challenge = first_challenge(demo)
    client = client_as("konsulent")
    response = client.post(url(challenge), data(challenge, title="Tredobbelt dokumentation", affected="Alle"))
    assert response.status_code == 302
    assert response.url == challenge.get_absolute_url()
    challenge.refresh_from_db()
    assert challenge.title == "Tredobbelt dokumentation"
    assert "Tredobbelt dokumentation" in html(client.get(response.url))


def test_the_leader_changes_the_priority_and_the_process_lists_it_in_the_new_order(demo, client_as):
    challenge = first_challenge(demo)
    client = client_as("leder")
    client.post(url(challenge), data(challenge, priority=9))
    page = html(client.get(demo.get_absolute_url()))
    assert page.index("Møder tager tid fra borgerne") < page.index("Dobbeltdokumentation i omsorgssystemet")


def test_participants_and_med_members_may_not_edit(demo, client_as):
    challenge = first_challenge(demo)
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(url(challenge), data(challenge, title="Ændret")).status_code == 403
    challenge.refresh_from_db()
    assert challenge.title == "Dobbeltdokumentation i omsorgssystemet"


def test_others_do_not_find_the_challenge(demo, client_as):
    challenge = first_challenge(demo)
    for username in ("leder-syd", "nabo", "admin"):
        client = client_as(username)
        assert client.get(challenge.get_absolute_url()).status_code == 404
        assert client.post(url(challenge), data(challenge, title="Ændret")).status_code == 404
    assert client_as("konsulent").get(reverse("processes:challenge_edit", args=[999999])).status_code == 404
    assert client_as("konsulent").get(reverse("processes:challenge", args=[999999])).status_code == 404


def test_it_keeps_what_was_typed_when_the_title_is_missing(demo, client_as):
    challenge = first_challenge(demo)
    response = client_as("konsulent").post(url(challenge), data(challenge, title="", affected="Kun aftenvagten"))
    assert_form_error(response, "title")
    assert 'value="Kun aftenvagten"' in html(response)
    challenge.refresh_from_db()
    assert challenge.affected != "Kun aftenvagten"


def test_the_history_shows_who_changed_what(demo, client_as, personas):
    challenge = first_challenge(demo)
    client_as("leder").post(url(challenge), data(challenge, affected="Kun aftenvagten"))
    page = html(client_as("konsulent").get(challenge.get_absolute_url()))
    assert str(personas["leder"]) in page
    assert "Kun aftenvagten" in page
    assert f"{challenge.affected} → Kun aftenvagten" in page


def test_the_facilitator_deletes_a_challenge_after_confirming(demo, client_as):
    challenge = first_challenge(demo)
    client = client_as("konsulent")
    delete_url = reverse("processes:challenge_delete", args=[challenge.pk])
    assert client.get(delete_url).status_code == 200
    assert Challenge.objects.filter(pk=challenge.pk).exists()
    response = client.post(delete_url)
    assert response.status_code == 302
    assert response.url == demo.get_absolute_url()
    assert not Challenge.objects.filter(pk=challenge.pk).exists()
    assert challenge.title not in html(client.get(demo.get_absolute_url()))


def test_a_participant_may_not_delete_a_challenge(demo, client_as):
    challenge = first_challenge(demo)
    assert client_as("medarbejder").post(reverse("processes:challenge_delete", args=[challenge.pk])).status_code == 403
    assert client_as("leder-syd").post(reverse("processes:challenge_delete", args=[challenge.pk])).status_code == 404
    assert Challenge.objects.filter(pk=challenge.pk).exists()
