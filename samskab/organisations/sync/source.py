"""What a source says the organisation is: units, people and leaders, named by their UUIDs."""

import uuid
from dataclasses import dataclass, field


class SyncError(Exception):
    """The source could not be read; nothing was changed."""


@dataclass(frozen=True)
class SourceUnit:
    uuid: uuid.UUID
    name: str
    parent: uuid.UUID | None


@dataclass(frozen=True)
class SourcePerson:
    uuid: uuid.UUID
    first_name: str
    last_name: str
    username: str = ""  # the user key in the source, when it has one
    email: str = ""


@dataclass(frozen=True)
class SourceLeader:
    unit: uuid.UUID
    person: uuid.UUID


@dataclass
class Organisation:
    units: list[SourceUnit] = field(default_factory=list)
    people: list[SourcePerson] = field(default_factory=list)
    leaders: list[SourceLeader] = field(default_factory=list)
