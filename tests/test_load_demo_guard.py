"""The demo's accounts (admin among them, password published) are made only in a demo installation."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samskab.accounts.models import User
from tests import migrated
from tests.test_deploy import ROOT, environment


@pytest.mark.django_db
def test_load_demo_refuses_outside_a_demo(settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="SAMSKAB_DEMO"):
        call_command("load_demo")
    assert not User.objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_generate_municipality_refuses_outside_a_demo(settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="SAMSKAB_DEMO"):
        call_command("generate_municipality", units=3, processes=1, items=1, verbosity=0)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_load_demo_loads_in_a_demo(settings, capsys):
    settings.DEMO = True
    call_command("load_demo")
    assert User.objects.filter(username="admin", is_superuser=True).exists()


def test_an_installation_that_does_not_say_demo_gets_no_admin_with_the_demo_password(tmp_path):
    """The other half, that `load_demo` loads where SAMSKAB_DEMO=1 is said, is the first step of
    tests/test_deploy.py's `server` fixture (`make run`'s commands in the same kind of subprocess)."""
    env = environment(tmp_path, SAMSKAB_DEV="1")
    migrated.copy_to(Path(env["SQLITE_PATH"]))  # a migrated database, as after `manage.py migrate`
    command = [sys.executable, "manage.py", "load_demo", "--skip-checks"]  # the system checks: 1.2 s of CPU, not asked here
    refused = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert refused.returncode != 0
    assert "not a demo" in refused.stderr


def test_load_demo_prints_the_address_the_demo_runs_on(demo, settings, capsys):
    """Also when the demo is there already (the suite's, as on every `make run` after the first)."""
    settings.DEMO = True
    settings.SITE_URL = "http://127.0.0.1:8080"  # make run PORT=8080 sets it
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "http://127.0.0.1:8080" in out and ":8000" not in out
