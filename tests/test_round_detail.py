from decimal import Decimal

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import escape

from samskab.processes.models import Process
from samskab.rounds.models import EvaluationRound, RoundStatus
from samskab.workshops.models import Workshop
from tests.helpers import html, row, today

READERS = ("konsulent", "leder", "medarbejder", "tr", "amr", "med", "central")


def round_of(process: Process) -> EvaluationRound:
    return process.rounds.get()


def url(evaluation_round: EvaluationRound) -> str:
    return reverse("reports:round", args=[evaluation_round.pk])


def close_url(evaluation_round: EvaluationRound) -> str:
    return reverse("workshops:round_close", args=[evaluation_round.pk])


def test_every_reader_of_the_process_sees_the_workshop_but_not_its_sections(demo, client_as, personas):
    workshop = Workshop.objects.get(round__process=demo)
    for username in READERS:
        response = client_as(username).get(url(round_of(demo)))
        assert response.status_code == 200, username
        page = html(response)
        assert escape(workshop.title) in page
        assert escape(workshop.place) in page
        with translation.override(response.wsgi_request.LANGUAGE_CODE):
            assert formats.date_format(workshop.date, "j. F Y") in page
        assert str(personas["konsulent"]) in page
        for section in workshop.sections.all():
            # As a whole text of its own: "Forankring" is a section, "Forankringstjek" a part of the round.
            assert f">{escape(section.title)}<" not in page, (username, section.title)
        for field in ("headings__text", "statements__text"):
            for text in workshop.sections.values_list(field, flat=True):
                assert text is None or escape(text) not in page


def test_only_facilitators_get_the_link_to_prepare_the_workshop(demo, client_as):
    workshop = Workshop.objects.get(round__process=demo)
    assert workshop.get_absolute_url() in html(client_as("konsulent").get(url(round_of(demo))))
    for username in ("leder", "central", "medarbejder", "med"):
        assert workshop.get_absolute_url() not in html(client_as(username).get(url(round_of(demo)))), username

    workshop.facilitators.add(demo.participants.get(user__username="leder").user)
    assert workshop.get_absolute_url() in html(client_as("leder").get(url(round_of(demo))))


def test_editors_are_offered_a_workshop_when_the_round_has_none(demo, client_as):
    Workshop.objects.filter(round__process=demo).delete()
    create = reverse("workshops:workshop_create", args=[round_of(demo).pk])
    for username in ("konsulent", "leder", "central"):
        assert create in html(client_as(username).get(url(round_of(demo)))), username
    for username in ("medarbejder", "med"):
        page = html(client_as(username).get(url(round_of(demo))))
        assert create not in page
        assert close_url(round_of(demo)) not in page


def test_others_do_not_find_the_round(demo, client_as):
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).get(url(round_of(demo))).status_code == 404
    assert client_as("konsulent").get(reverse("reports:round", args=[999999])).status_code == 404


def test_an_editor_closes_the_round(demo, client_as):
    evaluation_round = round_of(demo)
    client = client_as("leder")
    # The demo's workshop is planned, never held: closing the round says it is cancelled (test_round_start.py).
    response = client.post(close_url(evaluation_round), {"confirmed": "yes", "workshop": "cancel"})
    assert response.status_code == 302
    assert response.url == evaluation_round.get_absolute_url()
    evaluation_round.refresh_from_db()
    assert evaluation_round.status == RoundStatus.CLOSED
    assert evaluation_round.closed_on == today()
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["success"]

    response = client.get(response.url)
    page = html(response)
    assert close_url(evaluation_round) not in page
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        assert formats.date_format(today(), "j. F Y") in page
        assert str(RoundStatus.CLOSED.label) in html(client.get(demo.get_absolute_url()))


def test_a_closed_round_is_not_closed_again(demo, client_as):
    evaluation_round = round_of(demo)
    evaluation_round.status = RoundStatus.CLOSED
    evaluation_round.closed_on = evaluation_round.opened_on
    evaluation_round.save()
    response = client_as("konsulent").post(close_url(evaluation_round))
    assert response.status_code == 302
    evaluation_round.refresh_from_db()
    assert evaluation_round.closed_on == evaluation_round.opened_on
    assert list(get_messages(response.wsgi_request)) == []


def test_a_closed_round_without_a_workshop_offers_none(demo, client_as):
    Workshop.objects.filter(round__process=demo).delete()
    evaluation_round = round_of(demo)
    client_as("konsulent").post(close_url(evaluation_round))
    page = html(client_as("konsulent").get(url(evaluation_round)))
    assert reverse("workshops:workshop_create", args=[evaluation_round.pk]) not in page
    assert close_url(evaluation_round) not in page


def test_editors_see_the_close_button_and_readers_do_not(demo, client_as):
    for username in ("konsulent", "leder", "central"):
        assert close_url(round_of(demo)) in html(client_as(username).get(url(round_of(demo)))), username
    for username in ("medarbejder", "tr", "amr", "med"):
        assert close_url(round_of(demo)) not in html(client_as(username).get(url(round_of(demo)))), username


def test_participants_and_med_members_may_not_close_the_round(demo, client_as):
    for username in ("medarbejder", "tr", "amr", "med"):
        assert client_as(username).post(close_url(round_of(demo))).status_code == 403
    for username in ("leder-syd", "nabo", "admin"):
        assert client_as(username).post(close_url(round_of(demo))).status_code == 404
    assert round_of(demo).status == RoundStatus.OPEN


def test_closing_rejects_get(demo, client_as):
    assert client_as("konsulent").get(close_url(round_of(demo))).status_code == 405
    assert round_of(demo).status == RoundStatus.OPEN


def test_the_round_page_shows_how_far_each_part_has_come(demo, client_as):
    from samskab.anchoring.services import anchoring_check_save
    from samskab.decisions.models import Decision, DecisionKind
    from samskab.processes.models import Participant, Solution
    from samskab.rounds.models import Action, ActionStatus

    evaluation_round = round_of(demo)
    client = client_as("med")
    page = client.get(url(evaluation_round))
    solutions = Solution.objects.filter(challenge__process=demo).count()
    assert f"0 af {solutions} løsninger besluttet" in row(page, "Rundens beslutninger")
    assert "ikke udfyldt endnu" in row(page, "Rundens forankringstjek")
    leader = Participant.objects.get(process=demo, user__username="leder")
    Decision.objects.create(
        solution=Solution.objects.filter(challenge__process=demo).first(),
        round=evaluation_round,
        kind=DecisionKind.CONTINUE,
        rationale="Virker",
        decided_by=leader,
        decided_on=today(),
    )
    anchoring_check_save(
        evaluation_round=evaluation_round,
        scores={"competences": (Decimal("3.0"), None), "relations": (Decimal("2.0"), None)},
        from_workshop=False,
        by=None,
    )
    Action.objects.create(round=evaluation_round, what="Ny skabelon", status=ActionStatus.DONE)
    Action.objects.create(round=evaluation_round, what="Tavlemøde", status=ActionStatus.IN_PROGRESS)
    page = client.get(url(evaluation_round))
    assert f"1 af {solutions} løsninger besluttet" in row(page, "Rundens beslutninger")
    assert "2 af 8 udsagn scoret" in row(page, "Rundens forankringstjek")
    assert "2 handlinger, 1 udført eller droppet" in row(page, "Rundens handlingsplan")
    assert "ikke godkendt endnu" in row(page, "Rundens afrapportering")
