"""Security headers on every answer, and pages that keep to the Content-Security-Policy.

The policy (samskab/core/middleware.py) allows no inline script or style, so no page may carry
a style attribute, a <style> element or a <script> without src. Every page of the registry is
opened by one persona who may see it, its HTML is read, and its headers are checked.
"""

import re

from django.test import Client

from tests.pages.registry import ANONYMOUS, PAGES, World

INLINE_STYLE = re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.IGNORECASE)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def directives(policy: str) -> dict[str, str]:
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def test_the_login_page_has_a_strict_content_security_policy(client, db):  # the login page reads the sign-in settings
    response = client.get("/log-ind/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert not {"script-src", "style-src"} & policy.keys()  # both fall back to default-src 'self'


def test_the_permissions_policy_switches_off_camera_microphone_and_location(client, db):
    policy = client.get("/log-ind/")["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_errors_downloads_and_redirects_carry_the_headers_too(client_as, demo):
    for response in (
        Client().get("/findes-ikke/"),
        Client().get("/"),
        client_as("leder").get(f"/forloeb/{demo.pk}/handlingsplan.xlsx"),
    ):
        assert "default-src 'self'" in response["Content-Security-Policy"], response
        assert "camera=()" in response["Permissions-Policy"]


def test_the_other_security_headers_stay(client, db):
    response = client.get("/log-ind/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_htmx_is_told_not_to_add_its_indicator_styles(client, db):
    page = client.get("/log-ind/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in page


def _inline_code(html: str) -> list[str]:
    found = [match.group(0)[:80] for match in INLINE_STYLE.finditer(html)]
    found += [match.group(0) for match in STYLE_ELEMENT.finditer(html)]
    # A data block (Django's json_script: type="application/json") is never run, so CSP lets it be.
    found += [
        match.group(0)
        for match in SCRIPT.finditer(html)
        if "src=" not in match.group(1) and 'type="application/json"' not in match.group(1)
    ]
    found += [match.group(0)[:80] for match in EVENT_HANDLER.finditer(html)]
    return found


def test_the_inline_code_check_finds_what_the_policy_would_block():
    assert len(_inline_code('<p style="color: red">x</p><style>p{}</style><script>alert(1)</script><a onclick="x()">')) == 4
    assert _inline_code('<script src="/static/x.js" defer></script><p class="style">style=</p>') == []
    assert _inline_code('<script id="m" type="application/json">{"a": 1}</script>') == []
    assert len(_inline_code('<script type="module">alert(1)</script>')) == 1


def test_no_page_carries_inline_styles_or_scripts(demo, personas):
    world = World.build()
    clients: dict[str, Client] = {}
    problems, checked = [], 0
    for page in PAGES:
        if not page.html or page.method != "GET":
            continue
        viewer = page.viewer()
        if viewer not in clients:
            clients[viewer] = Client()
            if viewer != ANONYMOUS:
                clients[viewer].force_login(personas[viewer])
        response = clients[viewer].get(page.url(world))
        if "default-src 'self'" not in response.get("Content-Security-Policy", ""):
            problems.append(f"{page.name}: no Content-Security-Policy")
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            checked += 1
            problems += [f"{page.name}: {found}" for found in _inline_code(response.content.decode())]
    assert problems == []
    assert checked > 50
