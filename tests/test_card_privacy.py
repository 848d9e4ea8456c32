"""The privacy check of a card's text: CPR numbers and named citizens get a warning, work talk does not."""

import pytest

from samskab.workshops.privacy import CITIZEN_NAME, CPR_NUMBER, looks_like_cpr, looks_like_citizen, sensitive


@pytest.mark.parametrize(
    "text",
    [
        "Borgerens cpr er 010203-1234, husk det",
        "0102031234",
        "Ring om 311299 1234",
        "290200-1234 var en skuddag",  # 29 February 2000
        "Start:150585-4321.",
    ],
)
def test_it_sees_a_cpr_number(text):
    assert looks_like_cpr(text)
    assert sensitive(text) == CPR_NUMBER


@pytest.mark.parametrize(
    "text",
    [
        "Vi brugte 45 minutter på det",
        "Telefon 12345678",
        "321299-1234",  # no 32nd day
        "011399-1234",  # no 13th month
        "290201-1234",  # 2001 had no 29 February
        "12345678901",  # eleven digits: an account number, not a CPR number
        "Sag nr. 2024-000123",
    ],
)
def test_it_leaves_other_numbers_alone(text):
    assert not looks_like_cpr(text)


@pytest.mark.parametrize(
    "text",
    [
        "Borgeren Jens fik ikke sin medicin",
        "borger Hansen ventede",
        "Beboer: Olsen klagede",
        "Vi talte med fru Jensen",
        "Hr. Østergaard var sur",
        "hr Ali fik hjælp",
        "patienten Åse faldt",
    ],
)
def test_it_sees_a_named_citizen(text):
    assert looks_like_citizen(text)
    assert sensitive(text) == CITIZEN_NAME


@pytest.mark.parametrize(
    "text",
    [
        "Borgerne får mere tid",
        "borgeren i Aarhus",  # a place after a small word is not a name
        "HR Jensen sendte skemaet",  # the HR department, not "hr."
        "Medborger Jens",  # not a word of its own
        "Tavlemøderne virker",
        "",
    ],
)
def test_it_leaves_work_talk_alone(text):
    assert sensitive(text) is None
