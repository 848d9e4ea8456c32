"""The forløb's pages of the page registry: the dashboard and units, the forløb, its participants,
challenges, solutions, follow-ups, indicators and measurements."""

from tests.pages.naming import reverse
from tests.pages.page import CONTRIBUTORS, EDITORS, LOGGED_IN, READERS, Page, deletion, world_url

PAGES: list[Page] = [
    # Everyone logged in has these, showing only what they may see.
    Page("dashboard", lambda w: reverse("processes:dashboard"), audience=LOGGED_IN),
    Page("units", lambda w: reverse("organisations:units"), audience=LOGGED_IN),
    Page("unit", world_url("unit", "unit"), audience=READERS),
    Page("process_create", world_url("process_create", "unit"), audience=EDITORS, invalid={"title": ""}),
    # The forløb.
    Page("process", world_url("process", "process"), audience=READERS),
    Page("process_edit", world_url("process_edit", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("process_history", world_url("process_history", "process"), audience=READERS),
    Page("participants", world_url("participants", "process"), audience=READERS),
    # Readers see the participants; editors add them with the form on the same page.
    Page("participants:add", world_url("participants", "process"), audience=EDITORS, method="POST", invalid={"user": ""}),
    Page(
        "participant_remove",
        world_url("participant_remove", "process", "participant"),
        audience=EDITORS,
        method="POST",
        destructive=True,
    ),
    Page(
        "participant_ambassador",
        world_url("participant_ambassador", "process", "participant"),
        audience=EDITORS,
        method="POST",
        ok=302,
    ),
    Page("process_import", world_url("process_import", "process"), audience=EDITORS, invalid={"file": ""}),
    Page("import_template", world_url("import_template", "process"), audience=EDITORS, html=False),
    # Challenges.
    Page("challenge_create", world_url("challenge_create", "process"), audience=EDITORS, invalid={"title": ""}),
    Page("challenge", world_url("challenge", "challenge"), audience=READERS),
    Page("challenge_edit", world_url("challenge_edit", "challenge"), audience=EDITORS, invalid={"title": ""}),
    *deletion("challenge_delete", world_url("challenge_delete", "challenge"), EDITORS),
    # Solutions, follow-ups, indicators and measurements.
    Page("solution_create", world_url("solution_create", "challenge"), audience=EDITORS, invalid={"title": ""}),
    Page("solution", world_url("solution", "solution"), audience=READERS),
    Page("solution_edit", world_url("solution_edit", "solution"), audience=EDITORS, invalid={"title": ""}),
    *deletion("solution_delete", world_url("solution_delete", "solution"), EDITORS),
    Page("follow_up_create", world_url("follow_up_create", "solution"), audience=CONTRIBUTORS, invalid={"happened": ""}),
    # Participants edit the follow-ups they wrote; the facilitator wrote this one.
    Page("follow_up_edit", world_url("follow_up_edit", "follow_up"), audience=EDITORS, invalid={"happened": ""}),
    Page("indicator_create", world_url("indicator_create", "solution"), audience=EDITORS, invalid={"name": ""}),
    Page("indicator_edit", world_url("indicator_edit", "indicator"), audience=EDITORS, invalid={"name": ""}),
    *deletion("indicator_delete", world_url("indicator_delete", "indicator"), EDITORS),
    Page(
        "measurement_create",
        world_url("measurement_create", "indicator"),
        audience=CONTRIBUTORS,
        invalid={"value": "not a number"},
    ),
    # Participants edit the measurements they entered; the leder entered this one.
    Page(
        "measurement_edit",
        world_url("measurement_edit", "measurement"),
        audience=EDITORS,
        invalid={"value": "not a number"},
    ),
    *deletion("measurement_delete", world_url("measurement_delete", "measurement"), EDITORS),
]
