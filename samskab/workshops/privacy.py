"""A gentle check of a card's text before it is sent: does it look like a CPR number, or name a citizen?

Cards may later spread across the municipality (the referat, the erfaringsbank), so a card
that looks like it identifies a citizen gets a warning the writer must confirm. It is a
warning, not a block: "Borgeren Jens" may be a made-up example. The phone warns before the
card leaves it with these very patterns: the page gets `PATTERNS` as JSON (assets/phone/privacy.mjs),
so each is written in a form that Python's and JavaScript's regular expressions read alike
(no `\b`: JavaScript's knows only ASCII letters).
"""

import re
from datetime import date

# ddmmyy-xxxx, ddmmyy xxxx or ten digits in a row, not inside a longer number.
CPR_PATTERN = r"(?<!\d)(\d{2})(\d{2})(\d{2})[ -]?\d{4}(?!\d)"

NAME = r"[A-ZÆØÅ][a-zæøåäöüé]+"
# Where a word starts: not after a letter or digit (Danish letters spelled out for JavaScript).
WORD_START = r"(?<![\wæøåÆØÅäöüéÄÖÜÉ])"
# "borgeren Jens", "beboer: Hansen", "patienten Ole"; the word may start a sentence, the name must be capitalised.
CITIZEN_PATTERN = (
    WORD_START
    + r"(?:[Bb]orger(?:en|e|ne)?|[Bb]eboer(?:en|e|ne)?|[Pp]atient(?:en|er|erne)?|[Kk]lient(?:en|er|erne)?)"
    + r"\s*:?\s+"
    + NAME
)
# "fru Jensen", "hr. Hansen", "Herr Olsen".
TITLE_PATTERN = WORD_START + r"(?:[Ff]ru|[Hh]r\.?|[Hh]err)\s+" + NAME

# What the phone's page gets (json_script), for the same check before sending.
PATTERNS = {"cpr": CPR_PATTERN, "citizen": CITIZEN_PATTERN, "title": TITLE_PATTERN}

CPR = re.compile(CPR_PATTERN)
CITIZEN = re.compile(CITIZEN_PATTERN)
TITLE = re.compile(TITLE_PATTERN)

CPR_NUMBER = "cpr"
CITIZEN_NAME = "citizen"


def _is_date(day: str, month: str, year: str) -> bool:
    # Year 2000 + yy covers every century's 29 February: 20yy is a leap year whenever 19yy is.
    try:
        date(2000 + int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def looks_like_cpr(text: str) -> bool:
    return any(_is_date(*match.groups()) for match in CPR.finditer(text))


def looks_like_citizen(text: str) -> bool:
    return bool(CITIZEN.search(text) or TITLE.search(text))


def sensitive(text: str) -> str | None:
    """Why the text may identify a citizen (CPR_NUMBER or CITIZEN_NAME), or None."""
    if looks_like_cpr(text):
        return CPR_NUMBER
    if looks_like_citizen(text):
        return CITIZEN_NAME
    return None


if __name__ == "__main__":
    # The patterns as JSON, for the JavaScript tests (assets/tests/privacy.test.mjs).
    import json

    print(json.dumps(PATTERNS))
