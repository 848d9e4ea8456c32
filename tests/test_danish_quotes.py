"""The Danish texts quote one way: “…”, never "…", „…" or »…«."""

import re
from pathlib import Path

import polib
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"
OTHER_QUOTES = re.compile(r'["„»«]')


def _texts(entry) -> list[str]:
    return [entry.msgstr, *entry.msgstr_plural.values()]


def test_danish_texts_quote_with_curly_quotes_only():
    mixed = []
    for entry in polib.pofile(str(CATALOGUE)):
        for text in _texts(entry):
            words = re.sub(r"<[^>]*>", "", text)  # attributes of markup are not text
            if OTHER_QUOTES.search(words):
                mixed.append(text)
    assert mixed == []
