"""Word files in Danish: the referat and the erfa-group's meeting notes start from the same document."""

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE = "da-DK"


def danish_document(*, title: str, author: str) -> Document:
    """A new document whose title and author are set, in Danish for spelling and screen readers."""
    document = Document()
    # The default run language of the document's styles: every paragraph inherits it.
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.language = LANGUAGE
    return document
