import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound
from samskab.rounds import services as round_services
from samskab.workshops import services
from samskab.workshops.models import JOIN_CODE_ALPHABET, HeadingKind, SectionKind, Workshop
from tests.helpers import assert_form_error, html, submission, today


@pytest.fixture
def fresh_round(demo) -> EvaluationRound:
    """The demo forløb's second round, open and without a workshop."""
    return services.round_start(process=demo, by=None)


def url(evaluation_round: EvaluationRound) -> str:
    return reverse("workshops:workshop_create", args=[evaluation_round.pk])


def data(**overrides) -> dict:
    values = {
        "title": "Et år med mindre bøvl",
        "date": "2030-03-14",
        "starts_at": "09:30",
        "place": "Mødelokale 3",
        "anonymous": "on",
        "min_group_size": "5",
        "votes_per_participant": "4",
    }
    values.update(overrides)
    return values


def created(process: Process) -> Workshop:
    return Workshop.objects.get(round__process=process, title="Et år med mindre bøvl")


def test_the_form_suggests_a_title_and_today(fresh_round, client_as):
    response = client_as("konsulent").get(url(fresh_round))
    assert response.status_code == 200
    assert response.context["form"]["date"].value() == today()
    assert response.context["form"]["title"].value()
    assert response.context["form"]["min_group_size"].value() == 5


def test_the_facilitator_creates_the_workshop_from_the_template(demo, fresh_round, client_as, personas):
    client = client_as("konsulent")
    response = client.post(url(fresh_round), data(submission=submission(client.get(url(fresh_round)))))
    workshop = created(demo)
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()
    assert workshop.round == fresh_round
    assert workshop.date.isoformat() == "2030-03-14"
    assert workshop.starts_at.strftime("%H:%M") == "09:30"
    assert workshop.place == "Mødelokale 3"
    assert workshop.anonymous is True
    assert workshop.votes_per_participant == 4
    assert list(workshop.facilitators.all()) == [personas["konsulent"]]

    status, learning, transfer, rating = workshop.sections.all()
    assert [s.kind for s in (status, learning, transfer, rating)] == [
        SectionKind.STATUS,
        SectionKind.BOARD,
        SectionKind.BOARD,
        SectionKind.RATING,
    ]
    assert learning.headings.filter(kind=HeadingKind.COLUMN).count() == 3
    assert learning.headings.filter(kind=HeadingKind.THEME).count() == 5
    assert transfer.headings.filter(kind=HeadingKind.COLUMN).count() == 2
    assert rating.statements.count() == 8
    assert list(learning.headings.filter(kind=HeadingKind.COLUMN).values_list("key", flat=True)) == [
        "keep",
        "change",
        "avoid",
    ]

    page = html(client.get(response.url))
    for section in (status, learning, transfer, rating):
        assert escape(section.title) in page
    for statement in rating.statements.all():
        assert escape(statement.text) in page
    assert escape("Et år med mindre bøvl") in html(client.get(fresh_round.get_absolute_url()))


def test_the_creator_becomes_the_facilitator(demo, fresh_round, client_as, personas):
    assert client_as("central").post(url(fresh_round), data()).status_code == 302
    workshop = created(demo)
    assert list(workshop.facilitators.all()) == [personas["central"]]
    assert client_as("central").get(workshop.get_absolute_url()).status_code == 200
    assert client_as("konsulent").get(workshop.get_absolute_url()).status_code == 403


def test_the_join_code_is_six_characters_from_the_alphabet_and_unique(demo, fresh_round, client_as):
    client_as("leder").post(url(fresh_round), data())
    code = created(demo).join_code
    assert len(code) == 6
    assert set(code) <= set(JOIN_CODE_ALPHABET)
    assert Workshop.objects.filter(join_code=code).count() == 1
    assert code != Workshop.objects.get(round__number=1, round__process=demo).join_code


def test_a_round_that_has_a_workshop_leads_to_it(demo, client_as):
    evaluation_round = demo.rounds.get()
    workshop = evaluation_round.workshop
    response = client_as("konsulent").get(url(evaluation_round))
    assert response.status_code == 302
    assert response.url == workshop.get_absolute_url()

    # An editor who does not facilitate it is led to the round instead.
    response = client_as("leder").post(url(evaluation_round), data())
    assert response.status_code == 302
    assert response.url == evaluation_round.get_absolute_url()
    assert Workshop.objects.filter(round__process=demo).count() == 1
    assert not Workshop.objects.filter(title="Et år med mindre bøvl").exists()


def test_a_closed_round_gets_no_workshop(demo, fresh_round, client_as):
    round_services.round_close(evaluation_round=fresh_round, by=None)
    for method in ("get", "post"):
        response = getattr(client_as("konsulent"), method)(url(fresh_round), data())
        assert response.status_code == 302
        assert response.url == fresh_round.get_absolute_url()
        assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_it_requires_a_title_and_keeps_what_was_typed(demo, fresh_round, client_as):
    response = client_as("konsulent").post(url(fresh_round), data(title="  "))
    assert_form_error(response, "title")
    page = html(response)
    assert 'value="Mødelokale 3"' in page
    assert 'value="2030-03-14"' in page
    assert 'value="09:30"' in page
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_it_rejects_a_date_that_does_not_exist(demo, fresh_round, client_as):
    response = client_as("konsulent").post(url(fresh_round), data(date="2030-02-30"))
    assert_form_error(response, "date")
    assert 'value="2030-02-30"' in html(response)
    assert 'value="Et år med mindre bøvl"' in html(response)
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_it_rejects_groups_smaller_than_three(demo, fresh_round, client_as):
    for size in ("2", "0", "-1", "fem"):
        response = client_as("konsulent").post(url(fresh_round), data(min_group_size=size))
        assert_form_error(response, "min_group_size")
        assert f'value="{size}"' in html(response)
    assert client_as("konsulent").post(url(fresh_round), data(min_group_size="3")).status_code == 302
    assert created(demo).min_group_size == 3


def test_it_rejects_no_votes_and_too_many(demo, fresh_round, client_as):
    for votes in ("0", "21"):
        response = client_as("konsulent").post(url(fresh_round), data(votes_per_participant=votes))
        assert_form_error(response, "votes_per_participant")
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_a_named_workshop_is_created_when_anonymous_is_unticked(demo, fresh_round, client_as):
    values = data()
    del values["anonymous"]
    client_as("konsulent").post(url(fresh_round), values)
    assert created(demo).anonymous is False


def test_submitting_the_same_form_twice_creates_one_workshop(demo, fresh_round, client_as):
    client = client_as("konsulent")
    values = data(submission=submission(client.get(url(fresh_round))))
    first = client.post(url(fresh_round), values)
    second = client.post(url(fresh_round), values)
    assert Workshop.objects.filter(round=fresh_round).count() == 1
    assert created(demo).sections.count() == 4
    assert second.status_code == 302
    assert second.url == first.url


def test_participants_and_med_members_may_not_create_a_workshop(demo, fresh_round, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).get(url(fresh_round)).status_code == 403
        assert client_as(username).post(url(fresh_round), data()).status_code == 403
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_others_do_not_find_the_round(demo, fresh_round, client_as):
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(url(fresh_round), data()).status_code == 404
    assert client_as("konsulent").get(reverse("workshops:workshop_create", args=[999999])).status_code == 404
    assert not Workshop.objects.filter(round=fresh_round).exists()


def test_markup_in_the_title_is_shown_as_text(demo, fresh_round, client_as):
    client = client_as("konsulent")
    client.post(url(fresh_round), data(title="<script>alert(1)</script>", place="<b>Sal</b>"))
    workshop = Workshop.objects.get(round=fresh_round)
    pages = [html(client.get(workshop.get_absolute_url())), html(client_as("med").get(fresh_round.get_absolute_url()))]
    for page in pages:
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;" in page
        assert "<b>Sal</b>" not in page
