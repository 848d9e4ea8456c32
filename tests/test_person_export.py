"""A person's own data: one .zip with data.json and a readable Danish document; nothing of anyone else."""

import io
import json
import re
import zipfile

from samskab.decisions.models import Decision
from samskab.organisations.models import Unit
from samskab.processes.models import Participant, Process
from samskab.workshops.models import MinutesVersion
from tests.helpers import html


def unzip(response) -> tuple[dict, str]:
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))
    return json.loads(archive.read("data.json")), archive.read("oversigt.html").decode()


def test_a_person_downloads_everything_about_them_and_nothing_about_anyone_else(client_as, personas):
    person = personas["solsikken.leder"]
    client = client_as("solsikken.leder")
    assert "Hent mine data" in html(client.get("/konto/mine-data/"))

    data, readable = unzip(client.get("/konto/mine-data/eksport/"))

    assert data["person"]["email"] == person.email and data["person"]["first_name"] == person.first_name
    tables = {table["table"]: table["rows"] for table in data["tables"]}
    participations = Participant.objects.filter(user=person)
    assert len(tables["processes.Participant"]) == participations.count()
    assert {row["process"] for row in tables["processes.Participant"]} == {p.process.title for p in participations}
    decision = Decision.objects.get(decided_by__user=person)
    assert any(row["id"] == decision.pk and row["decided_by"] == "dig" for row in tables["decisions.Decision"])
    assert "organisations.Membership" in tables
    assert any(row["id"] == participations.first().pk for row in tables["processes.HistoricalParticipant"])
    assert "Dine data i Samskab" in readable and person.email in readable and "Beslutninger" in readable

    everything = json.dumps(data, ensure_ascii=False) + readable
    for username, other in personas.items():
        if other.pk != person.pk:
            assert not re.search(rf"(?<![\w.]){re.escape(other.email)}", everything), username
            assert other.get_full_name() not in everything, username
    assert "pbkdf2" not in everything and person.password not in everything


def test_the_administrator_downloads_a_persons_data_on_request(client_as, personas):
    person = personas["medarbejder"]
    data, _ = unzip(client_as("central").get(f"/administration/persondata/personer/{person.pk}/eksport/"))
    assert data["person"]["username"] == "medarbejder"
    assert client_as("konsulent").get(f"/administration/persondata/personer/{person.pk}/eksport/").status_code == 404
    assert client_as("central").get(f"/administration/persondata/personer/{personas['nabo'].pk}/eksport/").status_code == 404


def test_the_referater_naming_a_person_are_their_own_municipalitys_only(client_as, personas):
    """A namesake in another municipality's approved referat is not in the person's data."""
    person = personas["solsikken.leder"]
    version = MinutesVersion.objects.select_related("minutes__workshop__round__process").filter(
        minutes__workshop__round__process__unit__organisation=person.organisation
    ).first()
    MinutesVersion.objects.filter(pk=version.pk).update(approved_by_name=person.get_full_name())
    process = version.minutes.workshop.round.process

    def named_in() -> list[str]:
        data, _ = unzip(client_as("solsikken.leder").get("/konto/mine-data/eksport/"))
        return [found["workshop"] for found in data["approved_minutes_naming_you"]]

    assert version.minutes.workshop.title in named_in()
    Process.objects.filter(pk=process.pk).update(unit=Unit.objects.get(organisation__slug="nabo-kommune", parent=None))
    assert version.minutes.workshop.title not in named_in()
