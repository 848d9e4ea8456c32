"""Danish words for search: split, drop the small words, stem, and mark hits in the original text.

SQLite has no Danish stemmer of its own, so the text it indexes and the words searched for are
stemmed here with the Snowball Danish stemmer (PyStemmer) — the algorithm PostgreSQL's `danish`
configuration uses — so that "dokumentationen" finds "dokumentation" on both databases. Hits are
always marked on the original text, never on the stems.
"""

import re
from functools import lru_cache

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)

# Words too common to search for: Danish function words (pronouns, prepositions, conjunctions,
# auxiliary verbs). Searching for only these asks the user for a more telling word.
STOP_WORDS = frozenset(
    """
    ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din dine disse
    dit dog du efter eller en end er et for fra ham han hans har havde have hende hendes her hos hun
    hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men mig min mine mit mod ned noget
    nogle nu når og også om op os over på sig sin sine sit skal skulle som sådan thi til ud under var
    vi vil ville vor være været
    """.split()
)

_stemmer = Stemmer.Stemmer("danish")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def words(text: str) -> list[str]:
    return WORD.findall(text)


def search_words(text: str) -> dict[str, str]:
    """The words to search for in `text`, by stem: small words dropped, one word per stem, in order."""
    found: dict[str, str] = {}
    for word in words(text):
        if word.lower() not in STOP_WORDS:
            found.setdefault(stem(word), word.lower())
    return found


def stemmed(text: str) -> str:
    """`text` as the stems SQLite indexes (small words kept out)."""
    return " ".join(stem(word) for word in words(text) if word.lower() not in STOP_WORDS)


def highlight(text: str, terms: list[str] | tuple[str, ...]) -> SafeString:
    """`text`, escaped, with every word whose stem is one of `terms` in <mark>."""
    wanted = set(terms)
    if not wanted:
        return escape(text)
    parts, last = [], 0
    for match in WORD.finditer(text):
        if match.group().lower() in STOP_WORDS or stem(match.group()) not in wanted:
            continue
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece of text above is escaped


def excerpt(text: str, terms: list[str] | tuple[str, ...], length: int = 320) -> SafeString:
    """A piece of `text` of about `length` characters around its first hit, marked like `highlight`."""
    if len(text) <= length:
        return highlight(text, terms)
    wanted = set(terms)
    start = 0
    for match in WORD.finditer(text):
        if match.group().lower() not in STOP_WORDS and stem(match.group()) in wanted:
            start = max(0, match.start() - length // 4)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + length // 2 else end
    piece = highlight(text[start:end], terms)
    return mark_safe(("…" if start else "") + piece + ("…" if end < len(text) else ""))  # piece is escaped
