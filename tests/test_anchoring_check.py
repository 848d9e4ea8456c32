"""The round's anchoring check: scores entered or taken from the workshop, the trend, and weak statements becoming actions."""

import uuid
from datetime import timedelta

from django.urls import reverse

from samskab.anchoring.models import AnchoringCheck
from samskab.processes.models import Participant, Process
from samskab.rounds.models import Action, EvaluationRound
from samskab.rounds import services as round_services
from samskab.workshops import services
from samskab.workshops.models import Attendee, Rating, SectionKind, Statement
from samskab.workshops.template import ANCHORING_STATEMENTS
from tests.helpers import assert_form_error, html, row, today

KEYS = [key for key, _text in ANCHORING_STATEMENTS]


def open_round(process: Process) -> EvaluationRound:
    return process.rounds.get(status="aaben")


def scores(**values) -> dict:
    data = {"threshold": "2,0"}
    data.update({key: values.get(key, "4,0") for key in KEYS})
    return data


def check_url(evaluation_round: EvaluationRound) -> str:
    return reverse("anchoring:anchoring_check", args=[evaluation_round.pk])


def test_an_editor_enters_scores_with_decimal_commas_and_everyone_reads_them(demo, client_as):
    evaluation_round = open_round(demo)
    response = client_as("leder").post(
        reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(leadership_support="1,8", competences="3,5")
    )
    assert response.status_code == 302
    page = client_as("med").get(check_url(evaluation_round))
    assert page.status_code == 200
    leadership = row(page, "Ledelsen bakker tydeligt op")
    assert "1,8" in leadership and "advarsel" in leadership
    assert "3,5" in row(page, "kompetencerne")
    assert "advarsel" not in row(page, "kompetencerne")
    assert "Foreslået handling" not in html(page)  # suggestions are for those who keep the check


def test_a_score_outside_the_scale_is_refused_and_what_was_typed_stays(demo, client_as):
    evaluation_round = open_round(demo)
    response = client_as("konsulent").post(
        reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(relations="7", competences="3,5")
    )
    assert_form_error(response, "relations")
    assert 'value="3,5"' in html(response)
    assert not AnchoringCheck.objects.filter(round=evaluation_round).exists()


def test_the_previous_round_stands_beside_this_one_with_the_change(demo, client_as):
    client = client_as("konsulent")
    first = open_round(demo)
    client.post(reverse("anchoring:anchoring_check_edit", args=[first.pk]), scores(dialogue_arenas="2,0"))
    second = services.round_start(process=demo, by=None)
    client.post(reverse("anchoring:anchoring_check_edit", args=[second.pk]), scores(dialogue_arenas="3,5"))
    line = row(client.get(check_url(second)), "faste steder")
    assert "3,5" in line and "2,0" in line and "+1,5" in line


def test_a_weak_statement_suggests_an_action_that_is_added_once(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(leadership_support="1,5"))
    page = client.get(check_url(evaluation_round))
    assert "Aftal ledernes rolle" in html(page)  # the suggestion, ready to edit
    owner = Participant.objects.get(process=demo, user__username="leder")
    data = {
        "leadership_support-submission": submission_of(page, "leadership_support"),
        "leadership_support-what": "Drøft ledernes rolle på MED-mødet i marts",
        "leadership_support-owner": owner.pk,
        "leadership_support-deadline": (today() + timedelta(days=30)).isoformat(),
    }
    url = reverse("anchoring:anchoring_suggestion_accept", args=[evaluation_round.pk, "leadership_support"])
    for _attempt in range(2):  # a double click
        assert client.post(url, data).status_code == 302
    action = Action.objects.get(round=evaluation_round)
    assert (action.what, action.owner) == ("Drøft ledernes rolle på MED-mødet i marts", owner)
    assert "Ledelsen bakker tydeligt op" in action.why and "1,5" in action.why


def test_a_suggestion_with_an_owner_outside_the_forloeb_is_refused_and_kept(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(relations="1,0"))
    outsider = Participant.objects.exclude(process=demo).first()
    response = client.post(
        reverse("anchoring:anchoring_suggestion_accept", args=[evaluation_round.pk, "relations"]),
        {"relations-what": "Inviter samarbejdspartnerne", "relations-owner": outsider.pk, "relations-deadline": today().isoformat()},
    )
    assert response.status_code == 200
    assert "relations-owner" in html(response) and "form-error-message" in html(response)
    assert "Inviter samarbejdspartnerne" in html(response)
    assert not Action.objects.filter(round=evaluation_round).exists()


def rate(workshop, answers: int, value: int) -> None:
    for statement in Statement.objects.filter(section__workshop=workshop, section__kind=SectionKind.RATING, key__in=KEYS):
        for _person in range(answers):
            attendee = Attendee.objects.create(workshop=workshop)
            Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=value)


def test_scores_come_from_the_workshop_only_for_large_enough_groups(demo, client_as):
    evaluation_round = open_round(demo)
    workshop = evaluation_round.workshop
    rate(workshop, answers=workshop.min_group_size - 1, value=2)
    client = client_as("konsulent")
    assert client.post(reverse("anchoring:anchoring_check_from_workshop", args=[evaluation_round.pk])).status_code == 302
    page = client.get(check_url(evaluation_round))
    assert f"skjult: kun {workshop.min_group_size - 1} svar" in row(page, "kompetencerne")
    rate(workshop, answers=1, value=5)  # one more answer each: now the group is large enough
    rating = workshop.sections.get(kind=SectionKind.RATING)
    client.post(reverse("workshops:section_phase", args=[rating.pk]), {"locked": "1"})  # figures exist once the rating closes
    client.post(reverse("anchoring:anchoring_check_from_workshop", args=[evaluation_round.pk]))
    expected = f"{(2 * (workshop.min_group_size - 1) + 5) / workshop.min_group_size:.1f}".replace(".", ",")
    assert expected in row(client.get(check_url(evaluation_round)), "kompetencerne")


def test_a_closed_round_keeps_its_check(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores())
    round_services.round_close(evaluation_round=evaluation_round, by=None)
    response = client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(competences="1,0"))
    assert response.status_code == 302
    assert AnchoringCheck.objects.get(round=evaluation_round).scores.get(key="competences").average == 4
    assert "Redigér scorerne" not in html(client.get(check_url(evaluation_round)))


def test_readers_cannot_change_the_check(demo, client_as):
    evaluation_round = open_round(demo)
    url = reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk])
    assert client_as("medarbejder").post(url, scores()).status_code == 403
    assert client_as("leder-syd").post(url, scores()).status_code == 404
    assert not AnchoringCheck.objects.exists()


def submission_of(response, prefix: str) -> str:
    import re

    match = re.search(rf'name="{prefix}-submission" value="([0-9a-f-]+)"', html(response))
    assert match, "the suggestion form has no submission id"
    return match.group(1)


def test_taking_scores_from_a_workshop_without_answers_is_refused_and_keeps_the_typed_ones(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(competences="3,5"))
    response = client.post(reverse("anchoring:anchoring_check_from_workshop", args=[evaluation_round.pk]), follow=True)
    assert "ingen svar endnu" in html(response)
    assert "3,5" in row(client.get(check_url(evaluation_round)), "kompetencerne")


def test_typed_scores_are_replaced_by_the_workshops_only_after_a_confirmation_that_names_them(demo, client_as):
    evaluation_round = open_round(demo)
    workshop = evaluation_round.workshop
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(competences="3,5"))
    rate(workshop, answers=workshop.min_group_size, value=2)
    rating = workshop.sections.get(kind=SectionKind.RATING)
    client.post(reverse("workshops:section_phase", args=[rating.pk]), {"locked": "1"})  # figures exist once the rating closes
    url = reverse("anchoring:anchoring_check_from_workshop", args=[evaluation_round.pk])
    confirmation = client.post(url)
    assert confirmation.status_code == 200
    assert "kompetencerne" in row(confirmation, "kompetencerne") and "3,5" in row(confirmation, "kompetencerne")
    assert "3,5" in row(client.get(check_url(evaluation_round)), "kompetencerne")  # nothing replaced yet
    assert client.post(url, {"replace": "yes"}).status_code == 302
    assert "2,0" in row(client.get(check_url(evaluation_round)), "kompetencerne")


def test_a_weak_statements_action_is_added_once_even_from_two_forms(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    client.post(reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk]), scores(leadership_support="1,5"))
    owner = Participant.objects.get(process=demo, user__username="leder")
    url = reverse("anchoring:anchoring_suggestion_accept", args=[evaluation_round.pk, "leadership_support"])
    for what in ("Drøft ledernes rolle", "Drøft ledernes rolle igen"):  # two forms, two submission ids
        data = {
            "leadership_support-submission": str(uuid.uuid4()),
            "leadership_support-what": what,
            "leadership_support-owner": owner.pk,
            "leadership_support-deadline": (today() + timedelta(days=30)).isoformat(),
        }
        assert client.post(url, data).status_code == 302
    assert Action.objects.filter(round=evaluation_round).count() == 1
    page = html(client.get(check_url(evaluation_round)))
    assert "leadership_support-what" not in page  # the suggestion gives way to a line saying it is in the plan


def test_scores_off_the_scale_get_messages_in_the_products_words(demo, client_as):
    evaluation_round = open_round(demo)
    client = client_as("konsulent")
    url = reverse("anchoring:anchoring_check_edit", args=[evaluation_round.pk])
    for typed, expected in (("7", "skalaen går fra 1 til 5"), ("0,5", "skalaen går fra 1 til 5"), ("3,25", "højst én decimal"), ("tre", "som et tal")):
        response = client.post(url, scores(relations=typed))
        assert_form_error(response, "relations")
        assert expected in html(response).lower()


def test_the_chart_has_a_scale_values_and_a_legend_for_the_previous_round(demo, client_as):
    client = client_as("konsulent")
    first = open_round(demo)
    client.post(reverse("anchoring:anchoring_check_edit", args=[first.pk]), scores(dialogue_arenas="2,0"))
    second = services.round_start(process=demo, by=None)
    client.post(reverse("anchoring:anchoring_check_edit", args=[second.pk]), scores(dialogue_arenas="3,5"))
    page = html(client.get(check_url(second)))
    chart = page[page.index("samskab-legend") : page.index("</svg>")]
    assert "Denne runde" in chart and "Forrige runde" in chart  # the legend
    assert all(f">{value}</text>" in chart for value in range(6))  # the scale 0–5
    assert ">3,5</text>" in chart and ">2,0</text>" in chart  # the values by their bars
