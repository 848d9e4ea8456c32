from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samskab.processes.models import FollowUp, Participant, Process, Solution, SolutionStatus
from tests.helpers import assert_form_error, html, today


def solution_of(process: Process) -> Solution:
    return Solution.objects.get(challenge__process=process, title="Teamlederen godkender kørsel")


def newest_of(solution: Solution) -> FollowUp:
    return solution.follow_ups.first()  # ordered newest first


def url(follow_up: FollowUp) -> str:
    return reverse("processes:follow_up_edit", args=[follow_up.pk])


def data(follow_up: FollowUp, **overrides) -> dict:
    values = {
        "date": follow_up.date.isoformat(),
        "status": follow_up.status,
        "happened": follow_up.happened,
        "blockers": follow_up.blockers,
    }
    values.update(overrides)
    return values


def written_by(username: str, solution: Solution, client_as) -> FollowUp:
    """A follow-up the persona adds through the solution page, as participants do."""
    client_as(username).post(
        reverse("processes:follow_up_create", args=[solution.pk]),
        {"date": today().isoformat(), "status": SolutionStatus.TRIAL, "happened": f"Skrevet af {username}"},
    )
    return solution.follow_ups.get(happened=f"Skrevet af {username}")


def test_the_form_shows_what_is_saved(demo, client_as):
    follow_up = newest_of(solution_of(demo))
    response = client_as("konsulent").get(url(follow_up))
    assert response.status_code == 200
    assert response.context["form"]["happened"].value() == follow_up.happened
    assert follow_up.happened in html(response)


def test_every_editor_edits_any_follow_up_and_the_change_shows(demo, client_as):
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    for username in ("konsulent", "leder", "central"):
        client = client_as(username)
        response = client.post(url(follow_up), data(follow_up, happened=f"Rettet af {username}", blockers="Ferie"))
        assert response.status_code == 302
        assert response.url == solution.get_absolute_url()
        follow_up.refresh_from_db()
        assert follow_up.happened == f"Rettet af {username}"
        assert follow_up.blockers == "Ferie"
        assert f"Rettet af {username}" in html(client.get(solution.get_absolute_url()))


def test_a_participant_edits_the_follow_up_they_wrote(demo, client_as, personas):
    solution = solution_of(demo)
    follow_up = written_by("tr", solution, client_as)
    client = client_as("tr")
    assert url(follow_up) in html(client.get(solution.get_absolute_url()))
    response = client.post(url(follow_up), data(follow_up, happened="Rettet: økonomi har svaret"))
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert follow_up.happened == "Rettet: økonomi har svaret"
    assert follow_up.author == personas["tr"]  # a correction by an editor or the author keeps the author


def test_a_participant_may_not_edit_what_others_wrote(demo, client_as):
    solution = solution_of(demo)
    theirs = written_by("tr", solution, client_as)
    facilitators = solution.follow_ups.exclude(pk=theirs.pk).first()
    client = client_as("amr")
    page = html(client.get(solution.get_absolute_url()))
    for follow_up in (theirs, facilitators):
        assert url(follow_up) not in page
        assert client.get(url(follow_up)).status_code == 403
        assert client.post(url(follow_up), data(follow_up, happened="Ændret af en anden")).status_code == 403
    assert not FollowUp.objects.filter(happened="Ændret af en anden").exists()


def test_an_author_who_has_left_the_process_may_no_longer_edit(demo, client_as):
    solution = solution_of(demo)
    follow_up = written_by("tr", solution, client_as)
    Participant.objects.filter(process=demo, user__username="tr").delete()
    client = client_as("tr")  # still a member of the unit: reads the forløb
    assert url(follow_up) not in html(client.get(solution.get_absolute_url()))
    assert client.post(url(follow_up), data(follow_up, happened="Efter jeg gik")).status_code == 403
    follow_up.refresh_from_db()
    assert follow_up.happened == "Skrevet af tr"


def test_a_med_member_reads_but_may_not_edit(demo, client_as):
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    client = client_as("med")
    assert url(follow_up) not in html(client.get(solution.get_absolute_url()))
    assert client.get(url(follow_up)).status_code == 403
    assert client.post(url(follow_up), data(follow_up, happened="Ændret")).status_code == 403
    follow_up.refresh_from_db()
    assert follow_up.happened != "Ændret"


def test_others_do_not_find_the_follow_up(demo, client_as):
    follow_up = newest_of(solution_of(demo))
    for username in ("leder-syd", "nabo", "admin"):
        client = client_as(username)
        assert client.get(url(follow_up)).status_code == 404
        assert client.post(url(follow_up), data(follow_up, happened="Ændret")).status_code == 404
    assert client_as("konsulent").get(reverse("processes:follow_up_edit", args=[999999])).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.happened != "Ændret"


def test_editors_see_an_edit_link_for_every_follow_up(demo, client_as):
    solution = solution_of(demo)
    page = html(client_as("leder").get(solution.get_absolute_url()))
    for follow_up in solution.follow_ups.all():
        assert url(follow_up) in page


def test_editing_the_newest_follow_up_sets_the_status_of_the_solution(demo, client_as):
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    client_as("konsulent").post(url(follow_up), data(follow_up, status=SolutionStatus.STALLED))
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STALLED


def test_editing_an_older_follow_up_leaves_the_status_alone(demo, client_as):
    solution = solution_of(demo)
    oldest = solution.follow_ups.last()
    client_as("konsulent").post(url(oldest), data(oldest, status=SolutionStatus.STOPPED))
    oldest.refresh_from_db()
    assert oldest.status == SolutionStatus.STOPPED
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL


def test_moving_the_newest_follow_up_back_gives_the_solution_the_status_of_the_new_newest(demo, client_as):
    solution = solution_of(demo)
    client = client_as("tr")
    client.post(
        reverse("processes:follow_up_create", args=[solution.pk]),
        {"date": today().isoformat(), "status": SolutionStatus.STALLED, "happened": "Skrevet i dag ved en fejl"},
    )
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.STALLED
    mistake = solution.follow_ups.get(happened="Skrevet i dag ved en fejl")
    long_ago = (today() - timedelta(days=400)).isoformat()
    assert client.post(url(mistake), data(mistake, date=long_ago)).status_code == 302
    solution.refresh_from_db()
    assert newest_of(solution) != mistake
    assert solution.status == newest_of(solution).status == SolutionStatus.TRIAL


def test_bad_input_keeps_what_was_typed(demo, client_as):
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    response = client_as("konsulent").post(url(follow_up), data(follow_up, happened="", blockers="Ingen tid i dag"))
    assert_form_error(response, "happened")
    assert "Ingen tid i dag" in html(response)
    follow_up.refresh_from_db()
    assert follow_up.happened and follow_up.blockers == ""


def test_it_rejects_an_impossible_date_and_an_unknown_status(demo, client_as):
    follow_up = newest_of(solution_of(demo))
    response = client_as("konsulent").post(url(follow_up), data(follow_up, date="31-02-2026", status="maaske"))
    assert_form_error(response, "date")
    assert_form_error(response, "status")
    assert "31-02-2026" in html(response)


def test_it_rejects_a_date_in_the_future(demo, client_as):
    """As when it was written: a mistyped year would otherwise keep deciding the solution's status."""
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    saved_date = follow_up.date
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = client_as("konsulent").post(url(follow_up), data(follow_up, date=tomorrow, status=SolutionStatus.STOPPED))
    assert_form_error(response, "date")
    follow_up.refresh_from_db()
    assert follow_up.date == saved_date
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL


def test_the_edit_shows_in_the_history_of_the_solution(demo, client_as, personas):
    solution = solution_of(demo)
    follow_up = newest_of(solution)
    before = follow_up.happened
    client_as("leder").post(url(follow_up), data(follow_up, happened="Rettet tekst"))
    response = client_as("med").get(solution.get_absolute_url())
    newest = response.context["entries"][0]
    assert newest.who == personas["leder"]
    assert [(change.old, change.new) for change in newest.changes] == [(before, "Rettet tekst")]
    assert f"{before} → Rettet tekst" in html(response)


def test_follow_ups_cannot_be_deleted(demo, client_as):
    """They are the record of what happened: a wrong one is corrected, and the history keeps both."""
    follow_up = newest_of(solution_of(demo))
    response = client_as("konsulent").post(f"/opfoelgninger/{follow_up.pk}/slet/")
    assert response.status_code == 404
    assert FollowUp.objects.filter(pk=follow_up.pk).exists()


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_edits_do_not_add_queries_to_the_solution_page(demo, client_as):
    solution = solution_of(demo)
    client = client_as("konsulent")
    before = count_queries(client, solution.get_absolute_url())
    for follow_up in solution.follow_ups.all():
        for n in range(3):
            client.post(url(follow_up), data(follow_up, happened=f"Rettelse {n}"))
    response = client.get(solution.get_absolute_url())
    assert sum(bool(entry.changes) for entry in response.context["entries"]) == 9
    assert count_queries(client, solution.get_absolute_url()) == before
