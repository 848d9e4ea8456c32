from django.urls import reverse

from tests.helpers import html


def titles(processes) -> list[str]:
    return [process.title for process in processes]


def test_it_lists_my_processes_first_and_then_the_others_i_can_see(client_as):
    response = client_as("konsulent").get(reverse("processes:dashboard"))
    assert response.status_code == 200
    assert titles(response.context["mine"]) == ["Mindre bøvl, mere tid hos borgerne"]
    assert titles(response.context["others"]) == ["Færre faste skemaer"]
    page = html(response)
    assert page.index("Mindre bøvl, mere tid hos borgerne") < page.index("Færre faste skemaer")


def test_the_central_consultant_sees_every_process_of_the_municipality(client_as):
    response = client_as("central").get(reverse("processes:dashboard"))
    assert response.context["mine"] == []
    assert set(titles(response.context["others"])) == {
        "Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer", "Mere tid på stuerne"  # the last from samskab/demo/bank.py
    }


def test_a_med_member_sees_the_processes_below_the_committee(client_as):
    response = client_as("med").get(reverse("processes:dashboard"))
    assert response.context["mine"] == []
    assert set(titles(response.context["others"])) == {"Mindre bøvl, mere tid hos borgerne", "Færre faste skemaer"}


def test_the_leader_of_another_unit_sees_only_her_own(client_as):
    response = client_as("leder-syd").get(reverse("processes:dashboard"))
    assert titles(response.context["mine"]) == ["Færre faste skemaer"]
    assert response.context["others"] == []
    assert "Mindre bøvl, mere tid hos borgerne" not in html(response)


def test_another_municipality_sees_none_of_ours(client_as):
    response = client_as("nabo").get(reverse("processes:dashboard"))
    assert titles(response.context["mine"]) == ["Enklere indkøb"]
    assert "Mindre bøvl" not in html(response)
    assert "Færre faste skemaer" not in html(response)


def test_a_person_without_a_municipality_gets_an_empty_page(client_as):
    response = client_as("admin").get(reverse("processes:dashboard"))
    assert response.status_code == 200
    assert response.context["mine"] == response.context["others"] == []
    assert reverse("organisations:units") in html(response)


def test_the_next_evaluation_is_shown(demo, client_as):
    response = client_as("tr").get(reverse("processes:dashboard"))
    assert response.status_code == 200
    assert demo.next_evaluation.year > 2000
    assert str(demo.next_evaluation.year) in html(response)
