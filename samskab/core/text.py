"""Text without control characters: what people type must not break a document, an email or an export.

A vertical tab pasted from another program made the Word referat fail (XML 1.0 forbids it), a
newline in a subject stops an email, and Excel refuses most control characters. Forms strip them
on the way in (`core.forms.CleanTextForm`); the Word, PDF and Excel writers strip them again on the
way out, so that rows stored before, or written by another path, print as well.
"""

import dataclasses
import re

# C0 and C1 controls, DEL, lone surrogates and the two non-characters XML forbids. Tab, line feed
# and carriage return are kept here: multi-line text needs them; single-line text turns them into spaces.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
LINE_BREAKS = re.compile("[\t\r\n]+")


def without_control_characters(text: str, *, multiline: bool = True) -> str:
    """`text` with its control characters removed; in single-line text, tabs and line breaks become one space."""
    text = CONTROL.sub("", text)
    if not multiline:
        text = LINE_BREAKS.sub(" ", text)
    return text


def cleaned(value):
    """A copy of a dataclass tree (lists, dicts, strings) whose strings have no control characters."""
    if isinstance(value, str):
        return without_control_characters(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {item.name: cleaned(getattr(value, item.name)) for item in dataclasses.fields(value) if item.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [cleaned(item) for item in value]
    if isinstance(value, tuple):
        return tuple(cleaned(item) for item in value)
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}
    return value
