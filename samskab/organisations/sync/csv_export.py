"""Reading the organisation from a CSV export, for municipalities without OS2mo.

One file, one row per unit or person, UTF-8 (with or without BOM), comma or semicolon:

    type;uuid;name;parent_uuid;first_name;last_name;username;email;leader_of
    enhed;…;Ældre og Sundhed;…;;;;;
    person;…;;;Lene;Lauridsen;lela;lela@kommune.dk;<uuid of a unit>|<uuid of another>

`type` is "enhed" (unit) or "person"; a unit without parent_uuid is at the top; `leader_of`
names the units a person leads, separated by "|".
"""

import csv
import io
import uuid

from samskab.organisations.sync.source import Organisation, SourceLeader, SourcePerson, SourceUnit, SyncError

UNIT_TYPES = {"enhed", "unit"}
PERSON_TYPES = {"person"}


def _uuid(value: str, line: int) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise SyncError(f"Line {line}: {value!r} is not a UUID.") from None


def read(data: bytes) -> Organisation:
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;")
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = {"type", "uuid"} - set(rows.fieldnames or [])
    if missing:
        raise SyncError(f"The CSV file has no column {', '.join(sorted(missing))}.")
    result = Organisation()
    for line, row in enumerate(rows, start=2):
        row = {key: (value or "").strip() for key, value in row.items() if key}
        kind = row.get("type", "").lower()
        if kind in UNIT_TYPES:
            parent = row.get("parent_uuid")
            result.units.append(SourceUnit(_uuid(row["uuid"], line), row.get("name", ""), _uuid(parent, line) if parent else None))
        elif kind in PERSON_TYPES:
            person = _uuid(row["uuid"], line)
            result.people.append(
                SourcePerson(person, row.get("first_name", ""), row.get("last_name", ""), row.get("username", ""), row.get("email", ""))
            )
            for unit in filter(None, row.get("leader_of", "").split("|")):
                result.leaders.append(SourceLeader(_uuid(unit, line), person))
        elif any(row.values()):
            raise SyncError(f"Line {line}: type must be 'enhed' or 'person', not {row.get('type')!r}.")
    return result
