"""Approved documents, frozen: what a committee approved never changes afterwards.

A document (the referat, the round report) is first built as a tree of dataclasses from the rows.
Approving stores that tree as JSON in a new version (number 1, 2, …) with a checksum (SHA-256 of
the canonical JSON) and the Word and PDF files printed at that moment. The approved page is
rebuilt from the JSON (`thaw`), and the files are the stored bytes, so later changes to the rows
reach the next version only.

The seal (number, who, when, checksum) is kept beside the content, not in it: the checksum is of
the content without its seal, and anyone can recompute it from the stored JSON.
"""

import dataclasses
import hashlib
import json
import types
import typing
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


@dataclasses.dataclass
class Seal:
    """What marks an approved version: its number, who approved it and when, and the checksum of its content."""

    number: int
    approved_at: datetime
    approved_by: str
    checksum: str  # SHA-256 of the content without the seal (canonical JSON)


class SealedContent:
    """The properties of a document's content tree that has a `seal` field (None: a draft)."""

    seal: Seal | None

    @property
    def draft(self) -> bool:
        return self.seal is None

    @property
    def approved_at(self) -> datetime | None:
        return self.seal.approved_at if self.seal else None

    @property
    def approved_by(self) -> str:
        return self.seal.approved_by if self.seal else ""


class ApprovedVersion(models.Model):
    """The fields of one approved, frozen version of a document; the document's own model names what it belongs to."""

    number = models.PositiveSmallIntegerField(_("version"))
    approved_at = models.DateTimeField(_("approved"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by_name = models.CharField(_("approved by"), max_length=200, blank=True)
    content = models.JSONField(editable=False)
    checksum = models.CharField(_("checksum"), max_length=64, editable=False)
    docx = models.BinaryField(editable=False)
    pdf = models.BinaryField(editable=False)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(_("Version %(number)s") % {"number": self.number})


def to_data(value):
    """A dataclass tree as JSON-ready data: dates as ISO text, decimals as text, the seal left out."""
    if dataclasses.is_dataclass(value):
        return {
            item.name: to_data(getattr(value, item.name)) for item in dataclasses.fields(value) if item.name != "seal"
        }
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def canonical(data) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def checksum(data) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def thaw(cls, data: dict, seal: Seal | None = None):
    """The dataclass `cls` rebuilt from `to_data`'s output, with `seal` put back."""
    content = _value(cls, data)
    if seal is not None:
        content.seal = seal
    return content


def _value(kind, data):
    if data is None:
        return None
    if dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        known = {item.name for item in dataclasses.fields(kind) if item.init}
        return kind(**{name: _value(hints[name], value) for name, value in data.items() if name in known})
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):  # X | None
        return _value(next(arg for arg in typing.get_args(kind) if arg is not type(None)), data)
    if origin is list:
        (item,) = typing.get_args(kind)
        return [_value(item, value) for value in data]
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is date:
        return date.fromisoformat(data)
    if kind is Decimal:
        return Decimal(data)
    if kind is float:
        return float(data)
    return data


def next_number(versions: models.QuerySet) -> int:
    return (versions.aggregate(last=models.Max("number"))["last"] or 0) + 1


def approve_version(*, versions, content, render_docx, render_pdf, approved_at: datetime, by, by_name: str):
    """Freeze `content` as the next of `versions` (a related manager): number, checksum, files.

    The files are printed in Danish, the municipality's language, whatever the approver reads in.
    The caller holds a lock on the document, so two approvals cannot take the same number.
    """
    data = to_data(content)
    seal = Seal(number=next_number(versions.all()), approved_at=approved_at, approved_by=by_name, checksum=checksum(data))
    content.seal = seal
    with translation.override("da"):
        docx, pdf = render_docx(content), render_pdf(content)
    return versions.create(
        number=seal.number,
        approved_at=approved_at,
        approved_by=by,
        approved_by_name=by_name,
        content=data,
        checksum=seal.checksum,
        docx=docx,
        pdf=pdf,
    )


def seal_of(version) -> Seal:
    return Seal(
        number=version.number,
        approved_at=version.approved_at,
        approved_by=version.approved_by_name,
        checksum=version.checksum,
    )
