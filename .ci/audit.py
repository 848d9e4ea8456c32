"""Read pip-audit's and npm audit's JSON reports; fail on a known vulnerability that a release fixes.

Usage: python .ci/audit.py var/pip-audit.json var/npm-audit.json (written by `make audit`).
A vulnerability without a fixed release is listed but does not fail: there is nothing to update
to yet. Packages the advisory services could not be asked about (no network to them, as on a
closed build machine) are listed as not checked; they fail only with AUDIT_STRICT=1.
"""

import json
import os
import sys
from pathlib import Path


class Findings:
    def __init__(self) -> None:
        self.fixable: list[str] = []
        self.unfixable: list[str] = []
        self.unchecked: list[str] = []


def read_python(report: dict, findings: Findings) -> None:
    for package in report["dependencies"]:
        if "skip_reason" in package:
            findings.unchecked.append(f"{package['name']} (Python): {package['skip_reason']}")
            continue
        for vulnerability in package.get("vulns", []):
            line = f"{package['name']} {package.get('version', '?')}: {vulnerability['id']}"
            if vulnerability.get("fix_versions"):
                findings.fixable.append(f"{line} (fixed in {', '.join(vulnerability['fix_versions'])})")
            else:
                findings.unfixable.append(line)


def read_npm(report: dict, findings: Findings) -> None:
    if "error" in report:
        findings.unchecked.append(f"every npm package: {report.get('message') or report['error']}")
        return
    for name, vulnerability in report["vulnerabilities"].items():
        line = f"{name} (npm, {vulnerability.get('severity', '?')}): {vulnerability.get('range', '')}"
        (findings.fixable if vulnerability.get("fixAvailable") else findings.unfixable).append(line)


def main(python_report: str, npm_report: str, strict: bool) -> int:
    findings = Findings()
    for path, read in ((python_report, read_python), (npm_report, read_npm)):
        try:
            read(json.loads(Path(path).read_text()), findings)
        except (OSError, ValueError, KeyError) as error:
            findings.unchecked.append(f"{path}: no usable report ({error!r})")
    for line in findings.unchecked:
        print(f"NOT CHECKED: {line}")
    for line in findings.unfixable:
        print(f"known, no fix released yet: {line}")
    for line in findings.fixable:
        print(f"KNOWN AND FIXED in a newer release, update it: {line}")
    if findings.fixable:
        return 1
    if findings.unchecked and strict:
        print("audit: some packages could not be checked (AUDIT_STRICT=1)")
        return 1
    checked = "" if not findings.unchecked else f" ({len(findings.unchecked)} not checked: the advisory service did not answer)"
    print(f"audit: no known vulnerability with a fix among the locked packages{checked}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], os.environ.get("AUDIT_STRICT") == "1"))
