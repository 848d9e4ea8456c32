"""Danish words for search: split, fold, stem, read the search text, and mark hits in the original text.

Both databases index the same words, made here: each word's *key*. The key is the word in lower
case with æ, ø, å written as ae, oe, aa and accents dropped (so `boern` finds "børn"), thousands
separators removed (`2000` finds "2.000"), then stemmed twice with the Snowball Danish stemmer
(PyStemmer): once for the word forms ("dokumentationen" → "dokumentation"), and once more because
a first stem can still end like a form ("budgetter" → "budget" → "budg", the stem of "budget").
Hits are always marked on the original text, never on the keys.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A number with thousands separators ("2.000", "15.000.000") is one word; else letters and digits.
WORD = re.compile(r"\d{1,3}(?:\.\d{3})+(?!\d)|[^\W_]+", re.UNICODE)

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

# Search text: these (in capitals) are read as instructions, not words.
ANY = frozenset({"OR", "ELLER", "AND", "OG"})  # every word counts already: the items with most words come first
NOT = frozenset({"NOT", "IKKE"})  # leave out what has the next word, as a leading minus does

PREFIX_FROM = 4  # a word's key of at least this many letters also finds the longer words it begins
STARRED_FROM = 3  # with a star (skabel*), from this many letters

_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", ".": ""})
_stemmer = Stemmer.Stemmer("danish")


def fold(word: str) -> str:
    """`word` in lower case, with æ, ø, å as ae, oe, aa, other accents dropped and no thousands dots."""
    word = word.lower().translate(_FOLD)
    if word.isascii():
        return word
    # Only letters and digits stay: a key is quoted as it is in both databases' query syntax.
    return "".join(char for char in unicodedata.normalize("NFKD", word) if char.isalnum())


@lru_cache(maxsize=50_000)
def key(word: str) -> str:
    """What the index holds for `word`: folded and stemmed twice (see the module's docstring)."""
    return _stemmer.stemWord(_stemmer.stemWord(fold(word)))


# Kept under their folded spelling too, so that "paa" is as small a word as "på".
_STOP_KEYS = frozenset(fold(word) for word in STOP_WORDS)


def is_small(word: str) -> bool:
    """A small word (og, at, på), or nothing once folded: neither is searched for or indexed."""
    folded = fold(word)
    return not folded or folded in _STOP_KEYS


def words(text: str) -> list[str]:
    return WORD.findall(text)


def keys(text: str) -> str:
    """`text` as the keys the index holds, small words left out."""
    return " ".join(key(word) for word in words(text) if not is_small(word))


@dataclass(frozen=True)
class Term:
    """One thing to find: a key, and whether longer keys that begin with it count too."""

    key: str
    prefix: bool = False

    def finds(self, other: str) -> bool:
        return other == self.key or (self.prefix and other.startswith(self.key))


def term(word: str, starred: bool = False) -> Term:
    """What finds `word`: its key, and the longer keys it begins, unless it is short or a number (2000 is not 200.000)."""
    found = key(word)
    return Term(found, prefix=len(found) >= (STARRED_FROM if starred else PREFIX_FROM) and not found.isdigit())


@dataclass
class Wanted:
    """One word of the search text and what finds it: the word, and its parts when the bank lacks it."""

    word: str
    starred: bool = False
    parts: tuple[str, ...] = ()  # pieces of the word as typed, when the bank does not hold the whole word

    def terms(self) -> list[Term]:
        return [term(self.word, self.starred)] + [term(part) for part in self.parts]


@dataclass
class Query:
    """The search text read: words to find (items with most of them first), and words to leave out."""

    wanted: list[Wanted]
    unwanted: list[Wanted]
    small_words_only: bool = False  # there were words, all of them small ones

    def terms(self) -> list[Term]:
        """Everything that is marked in the results."""
        return [found for word in self.wanted for found in word.terms()]


def read(text: str, most: int = 10) -> Query:
    """The words of a search text: `-word` and `NOT word` leave out, `word*` begins a word, `OR` is read as any."""
    wanted: dict[str, Wanted] = {}
    unwanted: dict[str, Wanted] = {}
    seen_small = False
    leave_out = False
    for chunk in text.split():
        if chunk in ANY:
            continue
        if chunk in NOT:
            leave_out = True
            continue
        into = unwanted if leave_out or chunk.startswith("-") else wanted
        leave_out = False
        found = words(chunk)
        for n, word in enumerate(found):
            if is_small(word):
                seen_small = True
                continue
            starred = n == len(found) - 1 and chunk.endswith("*")
            if len(wanted) + len(unwanted) < most:
                into.setdefault(key(word), Wanted(word.lower(), starred))
    return Query(list(wanted.values()), list(unwanted.values()), small_words_only=seen_small and not (wanted or unwanted))


def splits(word: str, shortest: int = 4) -> list[tuple[str, tuple[str, ...]]]:
    """The ways to read `word` as a compound: (head, its possible rests), longest head first.

    The head has at least `shortest` letters, the rest at least 3; a linking s or e after the head
    ("arbejdsmiljø") may also be left out of the rest.
    """
    found = []
    for cut in range(len(word) - 3, shortest - 1, -1):
        head, rest = word[:cut], word[cut:]
        rests = (rest, rest[1:]) if rest[0] in "se" and len(rest) > shortest else (rest,)
        found.append((head, rests))
    return found


def _marked(word: str, terms: list[Term] | tuple[Term, ...]) -> bool:
    if is_small(word):
        return False
    wanted = key(word)
    return any(found.finds(wanted) for found in terms)


def highlight(text: str, terms: list[Term] | tuple[Term, ...]) -> SafeString:
    """`text`, escaped, with every word that one of `terms` finds in <mark>."""
    if not terms:
        return escape(text)
    parts, last = [], 0
    for match in WORD.finditer(text):
        if not _marked(match.group(), terms):
            continue
        parts.append(escape(text[last : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))  # every piece of text above is escaped


def excerpt(text: str, terms: list[Term] | tuple[Term, ...], length: int = 320) -> SafeString:
    """A piece of `text` of about `length` characters around its first hit, marked like `highlight`."""
    if len(text) <= length:
        return highlight(text, terms)
    start = 0
    for match in WORD.finditer(text):
        if _marked(match.group(), terms):
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
