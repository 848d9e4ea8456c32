import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from samskab.processes.models import Process
from samskab.workshops import services
from samskab.workshops.models import Heading, HeadingKind, Section, SectionKind, Statement, Workshop
from tests.helpers import assert_form_error, html


def workshop_of(process: Process) -> Workshop:
    return Workshop.objects.get(round__process=process)


def sections_of(process: Process) -> list[Section]:
    return list(workshop_of(process).sections.all())


def section_of(process: Process, kind: str) -> Section:
    return workshop_of(process).sections.filter(kind=kind).first()


def edit_url(section: Section) -> str:
    return reverse("workshops:section_edit", args=[section.pk])


def move_url(section: Section) -> str:
    return reverse("workshops:section_move", args=[section.pk])


def delete_url(section: Section) -> str:
    return reverse("workshops:section_delete", args=[section.pk])


def create_url(workshop: Workshop) -> str:
    return reverse("workshops:section_create", args=[workshop.pk])


def texts(section: Section, kind: str) -> list[str]:
    return list(section.headings.filter(kind=kind).values_list("text", flat=True))


def statement_texts(section: Section) -> list[str]:
    return list(section.statements.values_list("text", flat=True))


def edit_data(client, section: Section) -> dict:
    """What the section's edit page sends when saved unchanged: its form and every formset."""
    response = client.get(edit_url(section))
    assert response.status_code == 200
    values = {}
    forms = [response.context["form"]]
    for _prefix, _label, formset in response.context["formsets"]:
        forms += [formset.management_form, *formset]
    for form in forms:
        for field in form:
            value = field.value()
            if field.name != "DELETE" and value is not None:
                values[field.html_name] = value
    return values


def heading_index(section: Section, kind: str, text: str) -> int:
    """The position of a heading's form in its formset (the forms follow the headings' order)."""
    return texts(section, kind).index(text)


@pytest.fixture
def other_workshop(demo, personas) -> Workshop:
    """A workshop in Nabo Kommune: nobody of Demo Kommune finds it."""
    process = Process.objects.get(title="Enklere indkøb")
    evaluation_round = services.round_start(process=process, by=None)
    workshop = Workshop(title="Nabo-workshop", date=evaluation_round.opened_on)
    return services.workshop_create(workshop=workshop, evaluation_round=evaluation_round, by=personas["nabo"])


# Adding


@pytest.mark.parametrize("kind", [SectionKind.STATUS, SectionKind.BOARD, SectionKind.RATING])
def test_the_facilitator_adds_a_section_of_each_kind_at_the_end(demo, client_as, kind):
    workshop = workshop_of(demo)
    before = sections_of(demo)
    client = client_as("konsulent")
    response = client.post(create_url(workshop), {"kind": kind, "title": "Ekstra runde", "intro": "Kort intro"})
    section = workshop.sections.get(title="Ekstra runde")
    assert response.status_code == 302
    assert section.kind == kind
    assert section.intro == "Kort intro"
    assert sections_of(demo) == [*before, section]
    assert not section.headings.exists() and not section.statements.exists()
    # Boards and ratings need questions next; a status round needs none.
    assert response.url == (workshop.get_absolute_url() if kind == SectionKind.STATUS else edit_url(section))
    assert escape("Ekstra runde") in html(client.get(workshop.get_absolute_url()))


def test_a_section_is_added_to_a_workshop_with_none(demo, client_as):
    workshop = workshop_of(demo)
    workshop.sections.all().delete()
    client_as("konsulent").post(create_url(workshop), {"kind": SectionKind.BOARD, "title": "Eneste"})
    assert [s.title for s in workshop.sections.all()] == ["Eneste"]


def test_adding_requires_a_title_and_a_known_kind(demo, client_as):
    workshop = workshop_of(demo)
    values = {"kind": SectionKind.BOARD, "title": "", "intro": "Behold"}
    response = client_as("konsulent").post(create_url(workshop), values)
    assert_form_error(response, "title")
    assert "Behold" in html(response)
    assert_form_error(client_as("konsulent").post(create_url(workshop), {"kind": "quiz", "title": "X"}), "kind")
    assert workshop.sections.count() == 4


# Moving


def test_moving_a_section_up_and_down_changes_the_order(demo, client_as):
    status, learning, transfer, rating = sections_of(demo)
    client = client_as("konsulent")
    response = client.post(move_url(rating), {"direction": "up"})
    assert response.status_code == 302
    assert response.url == workshop_of(demo).get_absolute_url()
    assert sections_of(demo) == [status, learning, rating, transfer]
    client.post(move_url(status), {"direction": "down"})
    assert sections_of(demo) == [learning, status, rating, transfer]

    page = html(client.get(workshop_of(demo).get_absolute_url()))
    assert page.index(escape(learning.title)) < page.index(escape(status.title)) < page.index(escape(rating.title))


def test_the_first_section_cannot_go_up_nor_the_last_down(demo, client_as):
    sections = sections_of(demo)
    client = client_as("konsulent")
    client.post(move_url(sections[0]), {"direction": "up"})
    client.post(move_url(sections[-1]), {"direction": "down"})
    assert sections_of(demo) == sections

    page = html(client.get(workshop_of(demo).get_absolute_url()))
    first, last = page.split(escape(sections[1].title))[0], page.split(escape(sections[-2].title))[-1]
    assert 'value="up"' not in first
    assert 'value="down"' not in last
    assert page.count('value="up"') == page.count('value="down"') == len(sections) - 1


def test_moving_needs_post(demo, client_as):
    assert client_as("konsulent").get(move_url(sections_of(demo)[1])).status_code == 405


# Leaving out


def test_leaving_out_a_section_asks_first(demo, client_as):
    section = section_of(demo, SectionKind.RATING)
    client = client_as("konsulent")
    response = client.get(delete_url(section))
    assert response.status_code == 200
    assert escape(section.title) in html(response)
    assert Section.objects.filter(pk=section.pk).exists()

    response = client.post(delete_url(section))
    assert response.status_code == 302
    assert response.url == workshop_of(demo).get_absolute_url()
    assert not Section.objects.filter(pk=section.pk).exists()
    assert not Heading.objects.filter(section_id=section.pk).exists()
    assert not Statement.objects.filter(section_id=section.pk).exists()
    assert escape(section.title) not in html(client.get(response.url))
    assert len(sections_of(demo)) == 3


# Editing


def test_the_facilitator_edits_title_and_introduction(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    client = client_as("konsulent")
    values = edit_data(client, section)
    values.update({"section-title": "Hvad lærte vi?", "section-intro": "Tænk på hele året."})
    response = client.post(edit_url(section), values)
    assert response.status_code == 302
    assert response.url == workshop_of(demo).get_absolute_url()
    section.refresh_from_db()
    assert (section.title, section.intro) == ("Hvad lærte vi?", "Tænk på hele året.")
    assert section.headings.count() == 8
    page = html(client.get(response.url))
    assert "Hvad lærte vi?" in page
    assert "Tænk på hele året." in page


def test_saving_unchanged_changes_no_question(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    before = list(section.headings.values_list("pk", "kind", "key", "text", "order"))
    client = client_as("konsulent")
    assert client.post(edit_url(section), edit_data(client, section)).status_code == 302
    assert list(section.headings.values_list("pk", "kind", "key", "text", "order")) == before


def test_a_board_gets_a_new_column_last(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    client = client_as("konsulent")
    values = edit_data(client, section)
    values["kolonne-3-text"] = "Overrasket os"
    assert client.post(edit_url(section), values).status_code == 302
    assert texts(section, HeadingKind.COLUMN)[-1] == "Overrasket os"
    new = section.headings.get(text="Overrasket os")
    assert (new.kind, new.key) == (HeadingKind.COLUMN, "")
    assert len(texts(section, HeadingKind.THEME)) == 5


def test_a_new_question_given_the_first_position_comes_first(demo, client_as):
    section = section_of(demo, SectionKind.RATING)
    client = client_as("konsulent")
    values = edit_data(client, section)
    values.update({"udsagn-8-text": "Vi vil gerne fortsætte", "udsagn-8-order": "0"})
    assert client.post(edit_url(section), values).status_code == 302
    assert statement_texts(section).index("Vi vil gerne fortsætte") <= 1
    assert section.statements.count() == 9


def test_a_column_is_renamed_and_keeps_its_key(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    keep = section.headings.get(key="keep")
    client = client_as("konsulent")
    values = edit_data(client, section)
    values[f"kolonne-{heading_index(section, HeadingKind.COLUMN, keep.text)}-text"] = "Det gør vi igen"
    assert client.post(edit_url(section), values).status_code == 302
    keep.refresh_from_db()
    assert (keep.text, keep.key, keep.pk) == ("Det gør vi igen", "keep", keep.pk)
    assert "Det gør vi igen" in html(client.get(workshop_of(demo).get_absolute_url()))


def test_a_theme_is_deleted(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    obstacles = section.headings.get(key="obstacles")
    client = client_as("konsulent")
    values = edit_data(client, section)
    values[f"tema-{heading_index(section, HeadingKind.THEME, obstacles.text)}-DELETE"] = "on"
    assert client.post(edit_url(section), values).status_code == 302
    assert not Heading.objects.filter(pk=obstacles.pk).exists()
    assert len(texts(section, HeadingKind.THEME)) == 4
    assert escape(obstacles.text) not in html(client.get(workshop_of(demo).get_absolute_url()))


def test_positions_set_the_order_of_the_questions(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    keep, change, avoid = section.headings.filter(kind=HeadingKind.COLUMN)
    client = client_as("konsulent")
    values = edit_data(client, section)
    values["kolonne-0-order"] = "7"  # keep
    values["kolonne-2-order"] = "0"  # avoid
    assert client.post(edit_url(section), values).status_code == 302
    assert texts(section, HeadingKind.COLUMN) == [avoid.text, change.text, keep.text]
    page = html(client.get(workshop_of(demo).get_absolute_url()))
    assert page.index(escape(avoid.text)) < page.index(escape(change.text)) < page.index(escape(keep.text))


def test_an_empty_question_is_refused_and_the_rest_kept(demo, client_as):
    section = section_of(demo, SectionKind.BOARD)
    client = client_as("konsulent")
    values = edit_data(client, section)
    values.update({"section-title": "Ny titel", "kolonne-1-text": ""})
    response = client.post(edit_url(section), values)
    assert response.status_code == 200
    assert any(form.errors.get("text") for _p, _l, formset in response.context["formsets"] for form in formset)
    assert 'value="Ny titel"' in html(response)
    section.refresh_from_db()
    assert section.title != "Ny titel"


def test_a_question_of_another_section_is_not_changed(demo, client_as, other_workshop):
    section = section_of(demo, SectionKind.BOARD)
    foreign = Heading.objects.filter(section__workshop=other_workshop, kind=HeadingKind.COLUMN).first()
    client = client_as("konsulent")
    values = edit_data(client, section)
    values.update({"kolonne-0-id": foreign.pk, "kolonne-0-text": "Kapret"})
    client.post(edit_url(section), values)
    foreign.refresh_from_db()
    assert foreign.text != "Kapret"
    assert foreign.section.workshop == other_workshop


def test_a_status_round_has_no_questions_to_edit(demo, client_as):
    section = section_of(demo, SectionKind.STATUS)
    client = client_as("konsulent")
    response = client.get(edit_url(section))
    assert response.context["formsets"] == []
    assert "TOTAL_FORMS" not in html(response)
    response = client.post(edit_url(section), {"section-title": "Status", "section-intro": ""})
    assert response.status_code == 302
    section.refresh_from_db()
    assert section.title == "Status"


def test_a_rating_has_statements_only(demo, client_as):
    section = section_of(demo, SectionKind.RATING)
    response = client_as("konsulent").get(edit_url(section))
    assert [prefix for prefix, _label, _formset in response.context["formsets"]] == ["udsagn"]
    assert len(response.context["formsets"][0][2].initial_forms) == 8


def test_the_empty_row_says_what_it_adds(demo, client_as):
    client = client_as("konsulent")
    board = html(client.get(edit_url(section_of(demo, SectionKind.BOARD))))
    rating = html(client.get(edit_url(section_of(demo, SectionKind.RATING))))
    assert board.count("Skriv en ny overskrift her, eller lad feltet være tomt.") == 2  # a column, a theme
    assert "udsagn her" not in board
    assert rating.count("Skriv et nyt udsagn her, eller lad feltet være tomt.") == 1
    assert "overskrift her" not in rating


# Who


def test_only_facilitators_change_sections(demo, client_as):
    workshop = workshop_of(demo)
    section = section_of(demo, SectionKind.BOARD)
    order = sections_of(demo)
    for username in ("leder", "central", "medarbejder", "tr", "amr", "med"):
        client = client_as(username)
        assert client.get(edit_url(section)).status_code == 403, username
        assert client.post(edit_url(section), {"section-title": "Ændret"}).status_code == 403, username
        assert client.post(move_url(section), {"direction": "up"}).status_code == 403, username
        assert client.get(delete_url(section)).status_code == 403, username
        assert client.post(delete_url(section)).status_code == 403, username
        assert client.post(create_url(workshop), {"kind": SectionKind.BOARD, "title": "Ændret"}).status_code == 403
    assert sections_of(demo) == order
    section.refresh_from_db()
    assert section.title != "Ændret"
    assert not workshop.sections.filter(title="Ændret").exists()


def test_others_do_not_find_the_sections(demo, client_as):
    workshop = workshop_of(demo)
    section = section_of(demo, SectionKind.BOARD)
    for username in ("leder-syd", "nabo", "admin"):
        client = client_as(username)
        assert client.get(edit_url(section)).status_code == 404, username
        assert client.post(move_url(section), {"direction": "up"}).status_code == 404, username
        assert client.post(delete_url(section)).status_code == 404, username
        assert client.post(create_url(workshop), {"kind": SectionKind.BOARD, "title": "X"}).status_code == 404
    assert client_as("konsulent").get(reverse("workshops:section_edit", args=[999999])).status_code == 404
    assert Section.objects.filter(pk=section.pk).exists()


def test_another_workshops_section_is_not_found(demo, client_as, other_workshop):
    section = other_workshop.sections.get(kind=SectionKind.BOARD, order=1)
    client = client_as("konsulent")
    assert client.get(edit_url(section)).status_code == 404
    assert client.post(edit_url(section), {"section-title": "Kapret"}).status_code == 404
    assert client.post(move_url(section), {"direction": "down"}).status_code == 404
    assert client.post(delete_url(section)).status_code == 404
    assert client.post(create_url(other_workshop), {"kind": SectionKind.BOARD, "title": "Kapret"}).status_code == 404
    section.refresh_from_db()
    assert section.title != "Kapret"
    assert section.order == 1
    assert client_as("nabo").get(edit_url(section)).status_code == 200


# The workshop page


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_workshop_page_does_not_query_per_section_or_question(demo, client_as):
    workshop = workshop_of(demo)
    client = client_as("konsulent")
    before = count_queries(client, workshop.get_absolute_url())
    for number in range(4):
        section = Section.objects.create(workshop=workshop, kind=SectionKind.BOARD, title=f"Tavle {number}", order=10)
        Heading.objects.bulk_create(
            Heading(section=section, kind=kind, text=f"{kind} {i}", order=i)
            for kind in (HeadingKind.COLUMN, HeadingKind.THEME)
            for i in range(5)
        )
    page = html(client.get(workshop.get_absolute_url()))
    assert "Tavle 3" in page
    assert count_queries(client, workshop.get_absolute_url()) == before
