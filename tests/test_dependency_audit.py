"""`make audit` decides from pip-audit's and npm audit's reports (.ci/audit.py): fail on a known issue with a fix."""

import json
import subprocess
import sys

from tests.test_deploy import ROOT

CLEAN_PYTHON = {"dependencies": [{"name": "django", "version": "5.2.20", "vulns": []}]}
CLEAN_NPM = {"vulnerabilities": {}}


def audit(tmp_path, python: dict, npm: dict, **env) -> subprocess.CompletedProcess:
    (tmp_path / "pip.json").write_text(json.dumps(python))
    (tmp_path / "npm.json").write_text(json.dumps(npm))
    return subprocess.run(
        [sys.executable, ".ci/audit.py", str(tmp_path / "pip.json"), str(tmp_path / "npm.json")],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env},
    )  # fmt: skip


def test_nothing_known_passes(tmp_path):
    assert audit(tmp_path, CLEAN_PYTHON, CLEAN_NPM).returncode == 0


def test_a_python_package_with_a_fixed_release_fails(tmp_path):
    report = {"dependencies": [{"name": "django", "version": "5.2.1", "vulns": [{"id": "PYSEC-1", "fix_versions": ["5.2.2"]}]}]}
    result = audit(tmp_path, report, CLEAN_NPM)
    assert result.returncode == 1
    assert "django 5.2.1: PYSEC-1 (fixed in 5.2.2)" in result.stdout


def test_an_npm_package_with_a_fix_fails(tmp_path):
    npm = {"vulnerabilities": {"htmx.org": {"severity": "moderate", "range": "<2.0.5", "fixAvailable": True}}}
    assert audit(tmp_path, CLEAN_PYTHON, npm).returncode == 1


def test_a_known_issue_without_a_fix_is_listed_but_passes(tmp_path):
    report = {"dependencies": [{"name": "pillow", "version": "13.0.0", "vulns": [{"id": "GHSA-x", "fix_versions": []}]}]}
    result = audit(tmp_path, report, CLEAN_NPM)
    assert result.returncode == 0 and "GHSA-x" in result.stdout


def test_packages_the_services_could_not_check_fail_only_when_strict(tmp_path):
    python = {"dependencies": [{"name": "django", "skip_reason": "Dependency not found on PyPI"}]}
    npm = {"message": "405 Method Not Allowed", "error": {"summary": ""}}
    result = audit(tmp_path, python, npm)
    assert result.returncode == 0 and result.stdout.count("NOT CHECKED") == 2
    assert audit(tmp_path, python, npm, AUDIT_STRICT="1").returncode == 1
