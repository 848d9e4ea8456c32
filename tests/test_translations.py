"""Danish is the default language: every user-facing string must have a Danish translation."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> polib.POFile:
    """The Danish catalogue merged with every string in the code now, built in a temporary copy.

    makemessages writes to the catalogue beside the code it reads, so it runs in a temporary
    folder that links to the code and holds a copy of the catalogue. It reads every file of the
    code (seconds), so it runs once for the tests that read its result.
    """
    folder = tmp_path_factory.mktemp("catalogue")
    shutil.copytree(ROOT / "locale", folder / "locale")
    (folder / "samskab").symlink_to(ROOT / "samskab")
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[folder / "locale"]):
        patch.chdir(folder)
        call_command("makemessages", locale=["da"], symlinks=True, no_location=True, verbosity=0)
    return polib.pofile(str(folder / "locale" / "da" / "LC_MESSAGES" / "django.po"))


def test_every_string_in_the_code_has_a_danish_translation(fresh_catalogue):
    missing = [entry.msgid for entry in fresh_catalogue.untranslated_entries() if not entry.obsolete]
    assert missing == [], f"{len(missing)} strings have no Danish translation (run `make messages`): {missing[:20]}"


def test_no_danish_translation_is_fuzzy(fresh_catalogue):
    fuzzy = [entry.msgid for entry in fresh_catalogue.fuzzy_entries()]
    assert fuzzy == [], f"Fuzzy Danish translations need a review: {fuzzy[:20]}"


def test_the_committed_catalogue_is_complete():
    catalogue = polib.pofile(str(ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()


def test_pages_are_danish_by_default_and_english_on_request(client, db):
    danish = client.get("/log-ind/")
    assert '<html lang="da">' in danish.content.decode()
    client.post("/i18n/sprog/", {"language": "en", "next": "/log-ind/"})
    english = client.get("/log-ind/")
    assert '<html lang="en">' in english.content.decode()
