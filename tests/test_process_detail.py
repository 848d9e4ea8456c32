from datetime import datetime, time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from samskab.organisations.models import Role
from samskab.processes.models import (
    Challenge,
    FollowUp,
    Indicator,
    Measurement,
    MeasurementPhase,
    Participant,
    Process,
    Solution,
    SolutionStatus,
)
from tests.helpers import html, row, today


def set_silent_after(process: Process, days: int) -> None:
    organisation = process.unit.organisation
    organisation.silent_after_days = days
    organisation.save()


def silent_titles(response) -> set[str]:
    """The titles of the solutions marked "uden opfølgning" on the page."""
    process = response.context["process"]
    titles = Solution.objects.filter(challenge__process=process).values_list("title", flat=True)
    return {title for title in titles if "status-silent" in row(response, title)}


def test_it_shows_challenges_solutions_and_their_last_follow_up(demo, client_as):
    response = client_as("medarbejder").get(demo.get_absolute_url())
    assert response.status_code == 200
    assert response.context["counts"] == {"solutions": 7, "stalled": 1, "silent": 1}
    tablet = row(response, "Dokumentation på tablet i borgerens hjem")
    assert "Piloten står stille." in tablet
    assert "is-stalled" in tablet
    assert "status-haenger" in tablet


def test_a_solution_under_way_without_recent_follow_up_is_marked(demo, client_as):
    response = client_as("konsulent").get(demo.get_absolute_url())
    assert silent_titles(response) == {"Fleksible tidsrammer i et pilotteam"}  # last follow-up 95 days ago
    assert "status-silent" in row(response, "Fleksible tidsrammer i et pilotteam")
    assert "status-silent" not in row(response, "Ugentlig ydelsesgennemgang med visitationen")  # 25 days ago


def test_the_municipality_chooses_when_a_solution_counts_as_without_follow_up(demo, client_as):
    set_silent_after(demo, 21)
    response = client_as("konsulent").get(demo.get_absolute_url())
    assert silent_titles(response) == {
        "Fleksible tidsrammer i et pilotteam",  # trial, 95 days
        "Ugentlig ydelsesgennemgang med visitationen",  # not started, 25 days
        "Dokumentation på tablet i borgerens hjem",  # stalled, 30 days
    }
    assert "status-silent" in row(response, "Ugentlig ydelsesgennemgang med visitationen")
    assert response.context["counts"]["silent"] == 3

    set_silent_after(demo, 120)
    assert silent_titles(client_as("konsulent").get(demo.get_absolute_url())) == set()


def test_implemented_and_stopped_solutions_are_never_without_follow_up(demo, client_as):
    set_silent_after(demo, 1)
    response = client_as("konsulent").get(demo.get_absolute_url())
    silent = silent_titles(response)
    assert "Fælles skabelon for besøgsnotater" not in silent  # implemented, 20 days
    assert "Morgenmødet kortes ned til 15 minutter" not in silent  # stopped, 170 days
    assert "status-silent" not in row(response, "Morgenmødet kortes ned til 15 minutter")
    assert "Teamlederen godkender kørsel" in silent  # trial, 10 days


def test_a_solution_never_followed_up_is_counted_from_its_creation(demo, client_as):
    challenge = demo.challenges.first()
    old = Solution.objects.create(challenge=challenge, title="Gammel idé", status=SolutionStatus.TRIAL)
    # Noon of the local day 61 days ago: "now minus 61 days" in UTC is the next local day late in a
    # winter evening (summer time then), and the page counts local days.
    created = timezone.make_aware(datetime.combine(today() - timedelta(days=61), time(12)))
    Solution.objects.filter(pk=old.pk).update(created_at=created)
    Solution.objects.create(challenge=challenge, title="Ny idé", status=SolutionStatus.TRIAL)
    response = client_as("konsulent").get(demo.get_absolute_url())
    assert "Gammel idé" in silent_titles(response)
    assert "Ny idé" not in silent_titles(response)


def test_a_follow_up_brings_a_solution_back(demo, client_as):
    solution = Solution.objects.get(title="Fleksible tidsrammer i et pilotteam")
    client = client_as("tr")
    client.post(
        reverse("processes:follow_up_create", args=[solution.pk]),
        {"date": today().isoformat(), "status": SolutionStatus.TRIAL, "happened": "Stadig gode erfaringer."},
    )
    assert silent_titles(client.get(demo.get_absolute_url())) == set()
    assert client.get(solution.get_absolute_url()).context["silent"] is False


def test_the_solution_page_marks_it_without_follow_up(demo, client_as):
    solution = Solution.objects.get(title="Fleksible tidsrammer i et pilotteam")
    response = client_as("tr").get(solution.get_absolute_url())
    assert response.context["silent"] is True
    assert "status-silent" in html(response)


def test_readers_see_no_edit_buttons(demo, client_as):
    response = client_as("med").get(demo.get_absolute_url())
    assert response.status_code == 200
    assert reverse("processes:process_edit", args=[demo.pk]) not in html(response)
    assert reverse("processes:challenge_create", args=[demo.pk]) not in html(response)
    assert reverse("processes:process_edit", args=[demo.pk]) in html(client_as("leder").get(demo.get_absolute_url()))


def build(process: Process, challenges: int, solutions: int, follow_ups: int, owner) -> Process:
    for c in range(challenges):
        challenge = Challenge.objects.create(process=process, title=f"Udfordring {c}", priority=c + 1)
        for s in range(solutions):
            solution = Solution.objects.create(
                challenge=challenge, title=f"Løsning {c}.{s}", owner=owner, status=SolutionStatus.TRIAL
            )
            for f in range(follow_ups):
                FollowUp.objects.create(
                    solution=solution, date=today() - timedelta(days=f), status=SolutionStatus.TRIAL,
                    happened=f"Opfølgning {f}", author=owner,
                )
    return process


def new_process(demo, personas, title: str) -> Process:
    process = Process.objects.create(unit=demo.unit, title=title, start_date=today())
    for username in ("konsulent", "leder", "tr"):
        Participant.objects.create(process=process, user=personas[username], role=Role.CONSULTANT)
    return process


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_process(demo, client_as, personas):
    small = build(new_process(demo, personas, "Lille"), 1, 1, 1, personas["tr"])
    large = build(new_process(demo, personas, "Stor"), 6, 4, 5, personas["leder"])
    client = client_as("konsulent")
    assert count_queries(client, small.get_absolute_url()) == count_queries(client, large.get_absolute_url())


def test_the_number_of_queries_of_a_challenge_does_not_grow_with_its_solutions(demo, client_as, personas):
    small = build(new_process(demo, personas, "Lille"), 1, 1, 1, personas["tr"])
    large = build(new_process(demo, personas, "Stor"), 1, 8, 5, personas["leder"])
    client = client_as("konsulent")
    assert count_queries(client, small.challenges.get().get_absolute_url()) == count_queries(
        client, large.challenges.get().get_absolute_url()
    )


def test_the_number_of_queries_of_the_dashboard_does_not_grow_with_the_processes(demo, client_as, personas):
    client = client_as("konsulent")
    before = count_queries(client, reverse("processes:dashboard"))
    for n in range(5):
        build(new_process(demo, personas, f"Forløb {n}"), 2, 2, 1, personas["tr"])
    after_response = client.get(reverse("processes:dashboard"))
    assert "Forløb 4" in html(after_response)
    assert count_queries(client, reverse("processes:dashboard")) == before


def test_the_number_of_queries_of_a_solution_does_not_grow_with_its_follow_ups_and_measurements(
    demo, client_as, personas
):
    small = build(new_process(demo, personas, "Lille"), 1, 1, 1, personas["tr"])
    large = build(new_process(demo, personas, "Stor"), 1, 1, 12, personas["leder"])
    for process, indicators in ((small, 1), (large, 4)):
        solution = Solution.objects.get(challenge__process=process)
        for n in range(indicators):
            indicator = Indicator.objects.create(solution=solution, name=f"Indikator {n}")
            for phase in MeasurementPhase:
                Measurement.objects.create(indicator=indicator, phase=phase, value=n + 1, date=today())
    client = client_as("konsulent")
    assert count_queries(client, Solution.objects.get(challenge__process=small).get_absolute_url()) == count_queries(
        client, Solution.objects.get(challenge__process=large).get_absolute_url()
    )


def test_titles_are_escaped_and_a_challenge_without_solutions_says_so(demo, client_as, personas):
    challenge = Challenge.objects.create(process=demo, title="<b>Vagtplan</b> & \"overlap\"", priority=9)
    Solution.objects.create(
        challenge=demo.challenges.first(), title="<i>Ny</i> tavle", owner=personas["tr"], status=SolutionStatus.TRIAL
    )
    page = html(client_as("tr").get(demo.get_absolute_url()))
    assert "<b>Vagtplan</b>" not in page and "<i>Ny</i>" not in page
    assert "&lt;b&gt;Vagtplan&lt;/b&gt; &amp; &quot;overlap&quot;" in page
    assert "&lt;i&gt;Ny&lt;/i&gt; tavle" in row(client_as("tr").get(demo.get_absolute_url()), "tavle")
    section = page[page.index(f'aria-labelledby="challenge-{challenge.pk}"') :].split("</section>")[0]
    assert "Ingen løsninger endnu." in section and "<table" not in section
    assert reverse("processes:challenge", args=[challenge.pk]) in section
