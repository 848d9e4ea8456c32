"""File names of downloads: readable, and safe in every mail client and file system."""

from django.utils.text import slugify

# Danish letters as Danes write them without them (slugify would drop them: "bøvl" → "bvl").
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def file_slug(text: str) -> str:
    """"Mindre bøvl, mere tid" → "mindre-boevl-mere-tid"."""
    return slugify(text.translate(DANISH_LETTERS))
