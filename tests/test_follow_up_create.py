from datetime import timedelta

from django.urls import reverse

from samskab.processes.models import FollowUp, Process, Solution, SolutionStatus
from tests.helpers import assert_form_error, html, row, submission, today


def solution_of(process: Process) -> Solution:
    return Solution.objects.get(challenge__process=process, title="Teamlederen godkender kørsel")


def url(solution: Solution) -> str:
    return reverse("processes:follow_up_create", args=[solution.pk])


def data(**overrides) -> dict:
    values = {
        "date": today().isoformat(),
        "status": SolutionStatus.TRIAL,
        "happened": "Økonomi har set tallene for kvartalet.",
        "blockers": "",
    }
    values.update(overrides)
    return values


def test_every_participant_adds_a_follow_up(demo, client_as, personas):
    solution = solution_of(demo)
    for username in ("medarbejder", "tr", "amr", "leder", "konsulent"):
        client = client_as(username)
        response = client.post(url(solution), data(happened=f"Nyt fra {username}"))
        assert response.status_code == 302
        assert response.url == solution.get_absolute_url()
        follow_up = solution.follow_ups.get(happened=f"Nyt fra {username}")
        assert follow_up.author == personas[username]
        page = html(client.get(solution.get_absolute_url()))
        assert f"Nyt fra {username}" in page
        assert str(personas[username]) in page


def test_the_solution_page_offers_the_form_to_participants_only(demo, client_as):
    solution = solution_of(demo)
    assert client_as("medarbejder").get(solution.get_absolute_url()).context["follow_up_form"] is not None
    response = client_as("med").get(solution.get_absolute_url())
    assert response.status_code == 200
    assert response.context["follow_up_form"] is None
    assert url(solution) not in html(response)


def test_a_med_member_reads_but_may_not_add_a_follow_up(demo, client_as):
    solution = solution_of(demo)
    client = client_as("med")
    assert client.get(solution.get_absolute_url()).status_code == 200
    assert client.get(url(solution)).status_code == 403
    assert client.post(url(solution), data()).status_code == 403
    assert not solution.follow_ups.filter(happened=data()["happened"]).exists()


def test_others_do_not_find_the_solution(demo, client_as):
    solution = solution_of(demo)
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(solution), data()).status_code == 404
    assert client_as("konsulent").post(reverse("processes:follow_up_create", args=[999999]), data()).status_code == 404
    assert not solution.follow_ups.filter(happened=data()["happened"]).exists()


def test_the_newest_follow_up_sets_the_status_of_the_solution(demo, client_as):
    solution = solution_of(demo)
    client_as("tr").post(url(solution), data(status=SolutionStatus.IMPLEMENTED))
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.IMPLEMENTED


def test_an_older_follow_up_leaves_the_status_alone(demo, client_as):
    solution = solution_of(demo)
    long_ago = (today() - timedelta(days=200)).isoformat()
    client_as("tr").post(url(solution), data(date=long_ago, status=SolutionStatus.STOPPED))
    assert solution.follow_ups.filter(status=SolutionStatus.STOPPED).exists()
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL


def test_a_stalled_follow_up_marks_the_solution_stalled_on_the_process_page(demo, client_as):
    solution = solution_of(demo)
    client = client_as("amr")
    before = client.get(demo.get_absolute_url()).context["counts"]["stalled"]
    assert "is-stalled" not in row(client.get(demo.get_absolute_url()), solution.title)

    client.post(url(solution), data(status=SolutionStatus.STALLED, blockers="Økonomi har ikke tid."))

    response = client.get(demo.get_absolute_url())
    assert response.context["counts"]["stalled"] == before + 1
    solution_row = row(response, solution.title)
    assert "is-stalled" in solution_row
    assert "status-haenger" in solution_row
    challenge = next(c for c in response.context["challenges"] if c.pk == solution.challenge_id)
    assert challenge.status == SolutionStatus.STALLED.value
    assert "Økonomi har ikke tid." in html(client.get(solution.get_absolute_url()))


def test_it_requires_what_happened(demo, client_as):
    solution = solution_of(demo)
    response = client_as("medarbejder").post(url(solution), data(happened="", blockers="Ingen tid"))
    assert_form_error(response, "happened")
    assert "Ingen tid" in html(response)
    assert solution.follow_ups.count() == 3


def test_it_rejects_an_impossible_date_and_an_unknown_status(demo, client_as):
    solution = solution_of(demo)
    response = client_as("medarbejder").post(url(solution), data(date="31-02-2026", status="maaske"))
    assert_form_error(response, "date")
    assert_form_error(response, "status")
    assert "31-02-2026" in html(response)
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL
    assert solution.follow_ups.count() == 3


def test_it_rejects_a_text_that_is_too_long(demo, client_as):
    response = client_as("medarbejder").post(url(solution_of(demo)), data(happened="å" * 5001))
    assert_form_error(response, "happened")


def test_an_htmx_post_with_errors_returns_the_form_with_its_errors(demo, client_as):
    response = client_as("medarbejder").post(url(solution_of(demo)), data(happened=""), headers={"HX-Request": "true"})
    assert_form_error(response, "happened")
    assert 'id="follow-up-area"' in html(response)


def test_submitting_the_same_form_twice_creates_one_follow_up(demo, client_as):
    solution = solution_of(demo)
    client = client_as("tr")
    values = data(submission=submission(client.get(solution.get_absolute_url())))
    first = client.post(url(solution), values)
    second = client.post(url(solution), values)
    assert solution.follow_ups.filter(happened=values["happened"]).count() == 1
    assert second.status_code == 302
    assert second.url == first.url


def test_markup_in_a_follow_up_is_shown_as_text(demo, client_as):
    solution = solution_of(demo)
    client = client_as("tr")
    client.post(url(solution), data(happened="<img src=x onerror=alert(1)>"))
    for page in (html(client.get(solution.get_absolute_url())), html(client.get(demo.get_absolute_url()))):
        assert "<img src=x onerror=alert(1)>" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert FollowUp.objects.filter(happened="<img src=x onerror=alert(1)>").exists()


def test_it_rejects_a_date_in_the_future(demo, client_as):
    """A follow-up tells what has happened; a mistyped year would otherwise stay "newest" for ever."""
    solution = solution_of(demo)
    tomorrow = (today() + timedelta(days=1)).isoformat()
    response = client_as("tr").post(url(solution), data(date=tomorrow, status=SolutionStatus.STOPPED))
    assert_form_error(response, "date")
    solution.refresh_from_db()
    assert solution.status == SolutionStatus.TRIAL
    assert solution.follow_ups.count() == 3
