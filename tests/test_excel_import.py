"""Reading the Excel workbook of steps 1–5, without HTTP: rows to import, or every problem in it."""

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from types import SimpleNamespace

import pytest
from openpyxl import Workbook

from samskab.processes.excel_import import read_workbook

# The Danish column headers a municipality fills in (the template adds " *" to required ones).
HEADERS = {
    "Udfordringer": ["Nr", "Titel", "Beskrivelse", "Hvorfor er det et problem?", "Hvem er berørt?", "Prioritet"],
    "Løsninger": ["Nr", "Udfordring nr", "Titel", "Beskrivelse", "Forventet effekt", "Ejer", "Startdato", "Status"],
    "Opfølgninger": ["Løsning nr", "Dato", "Status", "Hvad er der sket?", "Hvad holder den tilbage?"],
    "Målinger": ["Løsning nr", "Indikator", "Måleenhed", "Før/efter", "Værdi", "Dato", "Note"],
}

PEOPLE = [
    SimpleNamespace(username="leder", email="leder@demo-kommune.example"),
    SimpleNamespace(username="tr", email="tr@demo-kommune.example"),
]


def xlsx(sheets: dict[str, list[list]], headers: dict[str, list[str]] | None = None) -> BytesIO:
    """A workbook with a header row and the given rows on each named sheet."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        worksheet = workbook.create_sheet(name)
        worksheet.append((headers or HEADERS).get(name, HEADERS.get(name, [])))
        for row in rows:
            worksheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def good_sheets() -> dict[str, list[list]]:
    return {
        "Udfordringer": [
            [1, "Dobbelt dokumentation", "Skrives to steder", "Tager tid", "SOSU'er", 1],
            [2, "Kørselsgodkendelse", None, None, None, None],
        ],
        "Løsninger": [
            [10, 1, "Fælles skabelon", "", "Mindre tid", "LEDER", "15-01-2026", "implementeret"],
            [11, 1, "Tablets", None, None, "tr@demo-kommune.example", None, "hænger i bremsen"],
            [12, 2, "Teamleder godkender", None, None, None, None, None],
        ],
        "Opfølgninger": [
            [10, "01-02-2026", "afprøves", "Afprøvet i team 1", ""],
            [11, "01.03.2026", None, "Står stille", "Ingen tablets"],
        ],
        "Målinger": [
            [10, "Minutter pr. vagt", "minutter", "før", "55", "10-01-2026", ""],
            [10, "Minutter pr. vagt", "minutter", "efter", "38,5", "10-03-2026", "Efter tre måneder"],
            [12, "Dage til godkendelse", "", "Før", 38, datetime(2026, 1, 5), ""],
        ],
    }


def places(problems) -> set[tuple[str, int | None, str]]:
    return {(problem.sheet, problem.row, problem.column) for problem in problems}


def test_it_reads_a_filled_workbook():
    rows, problems = read_workbook(xlsx(good_sheets()), people=PEOPLE)
    assert problems == []
    assert [c.title for c in rows.challenges] == ["Dobbelt dokumentation", "Kørselsgodkendelse"]
    assert rows.challenges[1].priority is None
    first, second, third = rows.solutions
    assert (first.number, first.challenge, first.owner, first.start_date, first.status) == (
        10, 1, PEOPLE[0], date(2026, 1, 15), "implementeret"
    )
    assert (second.owner, second.status) == (PEOPLE[1], "haenger")
    assert (third.challenge, third.owner, third.status) == (2, None, "ikke_startet")
    assert [(f.solution, f.date, f.status) for f in rows.follow_ups] == [
        (10, date(2026, 2, 1), "afproeves"),
        (11, date(2026, 3, 1), None),
    ]
    assert [(i.solution, i.name, i.unit) for i in rows.indicators] == [
        (10, "Minutter pr. vagt", "minutter"),
        (12, "Dage til godkendelse", ""),
    ]
    assert [(m.indicator.name, m.phase, m.value, m.date) for m in rows.measurements] == [
        ("Minutter pr. vagt", "foer", Decimal("55.00"), date(2026, 1, 10)),
        ("Minutter pr. vagt", "efter", Decimal("38.50"), date(2026, 3, 10)),
        ("Dage til godkendelse", "foer", Decimal("38.00"), date(2026, 1, 5)),
    ]


def measurement_sheets(*measurements: list) -> dict[str, list[list]]:
    return {
        "Udfordringer": [[1, "Bøvl", None, None, None, None]],
        "Løsninger": [[1, 1, "Løsning", None, None, None, None, None]],
        "Målinger": [list(m) for m in measurements],
    }


@pytest.mark.parametrize(
    "written, value",
    [("38,5", "38.50"), ("1.234,5", "1234.50"), ("1 234,5", "1234.50"), ("38.5", "38.50"), (38.5, "38.50"),
     ("-2,25", "-2.25"), (7, "7.00"), ("0,125", "0.13"), ("1.234.567", "1234567.00")],
)
def test_it_reads_numbers_the_danish_way(written, value):
    rows, problems = read_workbook(xlsx(measurement_sheets([1, "Tid", "", "før", written, "01-01-2026", ""])))
    assert problems == []
    assert rows.measurements[0].value == Decimal(value)


@pytest.mark.parametrize(
    "written, value",
    [("15-03-2026", date(2026, 3, 15)), ("15.03.2026", date(2026, 3, 15)), ("5/3/2026", date(2026, 3, 5)),
     ("2026-03-15", date(2026, 3, 15)), (datetime(2026, 3, 15), date(2026, 3, 15)), ("15-03-26", date(2026, 3, 15))],
)
def test_it_reads_dates_the_danish_way(written, value):
    rows, problems = read_workbook(xlsx(measurement_sheets([1, "Tid", "", "efter", 1, written, ""])))
    assert problems == []
    assert rows.measurements[0].date == value


@pytest.mark.parametrize("written", ["31-02-2026", "29-02-2025", "15-13-2026", "i morgen", "2026/15/03", 45000])
def test_it_refuses_dates_that_do_not_exist_or_are_not_dates(written):
    rows, problems = read_workbook(xlsx(measurement_sheets([1, "Tid", "", "efter", 1, written, ""])))
    assert rows is None
    assert places(problems) == {("Målinger", 2, "Dato")}
    assert str(written) in problems[0].message


@pytest.mark.parametrize(
    "written", ["1.234", "12,5,3", "abc", "38,5 min", "1e5", "nan", "1" + "0" * 40, 1e300, "9999999999,995"]
)
def test_it_refuses_values_that_are_not_clearly_numbers(written):
    rows, problems = read_workbook(xlsx(measurement_sheets([1, "Tid", "", "før", written, "01-01-2026", ""])))
    assert rows is None
    assert places(problems) == {("Målinger", 2, "Værdi")}
    assert str(written) in problems[0].message or "E+" in problems[0].message


@pytest.mark.parametrize(
    "written, status",
    [("Afprøves", "afproeves"), ("AFPROEVES", "afproeves"), ("afproves", "afproeves"), ("afpr?ves", "afproeves"),
     ("hænger i bremsen", "haenger"), ("haenger i bremsen", "haenger"), ("hanger i bremsen", "haenger"),
     ("hÃ¦nger i bremsen", "haenger"), ("Ikke  startet", "ikke_startet"), ("ikke_startet", "ikke_startet"),
     ("Implementeret ", "implementeret"), ("STOPPET", "stoppet")],
)
def test_it_reads_statuses_however_the_danish_letters_came_through(written, status):
    sheets = {"Udfordringer": [[1, "Bøvl", None, None, None, None]],
              "Løsninger": [[1, 1, "Løsning", None, None, None, None, written]]}
    rows, problems = read_workbook(xlsx(sheets))
    assert problems == []
    assert rows.solutions[0].status == status


@pytest.mark.parametrize("written, phase", [("før", "foer"), ("FØR", "foer"), ("foer", "foer"), ("for", "foer"),
                                            ("f?r", "foer"), ("Efter", "efter")])
def test_it_reads_before_and_after(written, phase):
    rows, problems = read_workbook(xlsx(measurement_sheets([1, "Tid", "", written, 1, "01-01-2026", ""])))
    assert problems == []
    assert rows.measurements[0].phase == phase


def test_an_unknown_status_says_which_ones_are_valid():
    sheets = {"Udfordringer": [[1, "Bøvl", None, None, None, None]],
              "Løsninger": [[1, 1, "Løsning", None, None, None, None, "igang"]]}
    rows, problems = read_workbook(xlsx(sheets))
    assert rows is None
    assert places(problems) == {("Løsninger", 2, "Status")}
    assert problems[0].letter == "H"
    for word in ("'igang'", "ikke startet", "afprøves", "implementeret", "hænger i bremsen", "stoppet"):
        assert word in problems[0].message


def test_it_lists_every_problem_with_its_sheet_row_and_column():
    sheets = good_sheets()
    sheets["Udfordringer"] += [
        [3, "", None, None, None, 0],  # no title, priority 0
        [3, "T" * 201, None, None, "x" * 301, "høj"],  # duplicate nr, too long, not a number
    ]
    sheets["Løsninger"] += [
        [13, 99, "Løsning til intet", None, None, "nabo", "31-02-2026", "igang"],
        ["tretten", 1, None, None, None, None, None, None],
    ]
    sheets["Opfølgninger"] += [[77, None, "stoppet", None, None]]
    sheets["Målinger"] += [[10, "Minutter pr. vagt", "timer", "midt", "mange", None, "n" * 501]]
    rows, problems = read_workbook(xlsx(sheets), people=PEOPLE)
    assert rows is None
    assert places(problems) == {
        ("Udfordringer", 4, "Titel"), ("Udfordringer", 4, "Prioritet"),
        ("Udfordringer", 5, "Nr"), ("Udfordringer", 5, "Titel"), ("Udfordringer", 5, "Hvem er berørt?"),
        ("Udfordringer", 5, "Prioritet"),
        ("Løsninger", 5, "Udfordring nr"), ("Løsninger", 5, "Ejer"), ("Løsninger", 5, "Startdato"),
        ("Løsninger", 5, "Status"),
        ("Løsninger", 6, "Nr"), ("Løsninger", 6, "Titel"),
        ("Opfølgninger", 4, "Løsning nr"), ("Opfølgninger", 4, "Dato"), ("Opfølgninger", 4, "Hvad er der sket?"),
        ("Målinger", 5, "Måleenhed"), ("Målinger", 5, "Før/efter"), ("Målinger", 5, "Værdi"), ("Målinger", 5, "Dato"),
        ("Målinger", 5, "Note"),
    }
    duplicate = next(p for p in problems if (p.sheet, p.row, p.column) == ("Udfordringer", 5, "Nr"))
    assert "3" in duplicate.message and "4" in duplicate.message  # names the row that has the nr already
    stranger = next(p for p in problems if p.column == "Ejer")
    assert "'nabo'" in stranger.message and "leder" in stranger.message


def test_follow_ups_and_measurements_must_name_a_solution_of_the_file():
    sheets = good_sheets()
    sheets["Opfølgninger"] = [[1, "01-02-2026", None, "Sket", None]]  # 1 is a challenge, not a solution
    rows, problems = read_workbook(xlsx(sheets), people=PEOPLE)
    assert places(problems) == {("Opfølgninger", 2, "Løsning nr")}
    assert "Løsninger" in problems[0].message


def test_an_empty_workbook_is_one_clear_message():
    rows, problems = read_workbook(xlsx({name: [] for name in HEADERS}))
    assert rows is None
    assert len(problems) == 1 and problems[0].sheet == ""


def test_a_workbook_without_the_sheets_is_one_clear_message():
    rows, problems = read_workbook(xlsx({"Ark1": [["a", "b"]]}, headers={"Ark1": ["Titel"]}))
    assert rows is None
    assert len(problems) == 1 and "Udfordringer" in problems[0].message


def test_sheet_names_and_headers_are_read_however_the_danish_letters_came_through():
    headers = {"UDFORDRINGER": ["nr.", "TITEL *"], "Losninger": ["Nr *", "Udfordringsnr", "Titel", "Ejer"]}
    sheets = {"UDFORDRINGER": [[1, "Bøvl"]], "Losninger": [[1, 1, "Løsning", "tr"]]}
    rows, problems = read_workbook(xlsx(sheets, headers), people=PEOPLE)
    assert problems == []
    assert rows.solutions[0].owner == PEOPLE[1]


def test_a_missing_required_column_is_named():
    headers = {"Udfordringer": ["Nr", "Beskrivelse"]}
    rows, problems = read_workbook(xlsx({"Udfordringer": [[1, "Noget"]]}, headers))
    assert rows is None
    assert places(problems) == {("Udfordringer", 1, "Titel")}


def test_an_indicator_keeps_one_unit():
    sheets = measurement_sheets([1, "Tid", "minutter", "før", 5, "01-01-2026", ""],
                                [1, "tid", "timer", "efter", 2, "01-03-2026", ""])
    rows, problems = read_workbook(xlsx(sheets))
    assert places(problems) == {("Målinger", 3, "Måleenhed")}


def test_empty_rows_between_data_are_skipped_and_row_numbers_stay_true():
    sheets = {"Udfordringer": [[1, "Bøvl", None, None, None, None], [None] * 6, ["  ", None], [2, "", None]]}
    rows, problems = read_workbook(xlsx(sheets))
    assert places(problems) == {("Udfordringer", 5, "Titel")}


def test_the_template_example_rows_are_not_imported():
    sheets = {"Udfordringer": [[1, "Eksempel: Det samme besøg dokumenteres to steder", "Besøget skrives både i "
                                "notatet og i planen.", "Det tager 10-15 minutter pr. vagt.",
                                "Social- og sundhedshjælpere", 1]]}
    rows, problems = read_workbook(xlsx(sheets))
    assert rows is None
    assert [(p.sheet, p.row) for p in problems] == [("Udfordringer", 2)]


def test_rows_beyond_the_declared_size_of_a_sheet_are_read():
    """A sheet that declares itself smaller than it is still has every row read."""
    buffer = xlsx({"Udfordringer": [[1, "En", None, None, None, None], [2, "", None, None, None, None]]})
    source, target = zipfile.ZipFile(buffer), BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', data)
            out.writestr(item, data)
    rows, problems = read_workbook(target)
    assert places(problems) == {("Udfordringer", 3, "Titel")}


def test_too_many_rows_is_one_clear_message():
    rows = [[number, f"Bøvl {number}"] for number in range(1, 2002)]
    result, problems = read_workbook(xlsx({"Udfordringer": rows}))
    assert result is None
    assert [(p.sheet, p.row) for p in problems] == [("Udfordringer", None)]
    assert "2" in problems[0].message


def test_the_row_limit_itself_is_allowed():
    rows = [[number, f"Bøvl {number}"] for number in range(1, 2001)]
    result, problems = read_workbook(xlsx({"Udfordringer": rows}))
    assert problems == []
    assert len(result.challenges) == 2000


def corrupt_workbook() -> bytes:
    return xlsx(good_sheets()).getvalue()[:3000]


def not_a_workbook_zip() -> bytes:
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hej")
    return buffer.getvalue()


def broken_sheet_xml() -> bytes:
    source, target = zipfile.ZipFile(xlsx(good_sheets())), BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, b"<worksheet><sheetData><row" if item.filename.startswith("xl/worksheets/") else data)
    return target.getvalue()


def xml_entities() -> bytes:
    """The start of a "billion laughs": harmless here, but defused XML parsing refuses any entity."""
    sheet = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c>'
             b'<c r="B1" t="inlineStr"><is><t>Titel</t></is></c></row>'
             b'<row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
             b'</sheetData></worksheet>')
    source, target = zipfile.ZipFile(xlsx({"Udfordringer": []})), BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            out.writestr(item, sheet if item.filename.startswith("xl/worksheets/") else data)
    return target.getvalue()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01\x02 random bytes \xff" * 50,
        "Nr;Titel\n1;Bøvl\n".encode(),
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
        b"PK\x03\x04 not really a zip",
        not_a_workbook_zip(),
        corrupt_workbook(),
        broken_sheet_xml(),
        xml_entities(),
    ],
    ids=["random", "csv", "old-xls", "fake-zip", "zip-not-workbook", "truncated", "broken-xml", "xml-entities"],
)
def test_files_that_are_not_workbooks_get_one_clear_message(content):
    rows, problems = read_workbook(BytesIO(content))
    assert rows is None
    assert len(problems) == 1 and problems[0].sheet == ""
    assert problems[0].message


def test_xml_entities_are_refused_not_expanded():
    rows, problems = read_workbook(BytesIO(xml_entities()))
    unreadable = read_workbook(BytesIO(broken_sheet_xml()))[1]
    assert rows is None
    assert problems == unreadable


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    rows, problems = read_workbook(BytesIO(b"PK" + b"\x00" * (5 * 1024 * 1024)))
    assert rows is None
    assert len(problems) == 1 and "MB" in problems[0].message
