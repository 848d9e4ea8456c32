"""Participants and a facilitator speaking the app's HTTP protocol, as phones and browsers do.

A participant joins by code through the real join pages (GET and POST /w/<code>/, then the
phone page), and sends cards and votes as assets/phone/phone.mjs does: a form POST with
`Accept: application/json`, the CSRF token in `X-CSRFToken`, and an id made by the client.
Like the phone's outbox, a write is sent again with the same id until a 2xx JSON answer
comes: no connection, a 5xx, 408 or 429 mean "try again"; another 4xx is a refusal.
Shared by the workshop benchmark and the server-restart test.
"""

import asyncio
import re
import sys
import time
import uuid
from dataclasses import dataclass, field

import httpx
from django_otp.oath import totp  # the function alone: no Django set-up

try:
    import sniffio  # noqa: F401
except ImportError:
    # httpcore asks for sniffio (to tell asyncio from trio) several times per request, and without
    # it installed each ask searched the import path again: about 30 µs each, some 6 % of the
    # simulated phones' CPU, on the cores the servers measured need. Known missing, it is asked for at once.
    sys.modules["sniffio"] = None

RETRY_FIRST = 0.1  # seconds; the pause doubles after each failed try, up to RETRY_LAST
RETRY_LAST = 1.0
AGAIN = {408, 429}


class Refused(Exception):
    """The server refused the write for good (a 4xx other than 408/429)."""

    def __init__(self, status: int, body: str):
        super().__init__(f"{status}: {body[:300]}")
        self.status = status


@dataclass
class Outcome:
    """One write: when it was first sent, when it was stored, and how many tries it took."""

    client_id: str
    sent_at: float
    stored_at: float = 0.0
    tries: int = 0
    failures: list[str] = field(default_factory=list)


def _cookie(client: httpx.AsyncClient, name: str) -> str:
    for cookie in client.cookies.jar:
        if cookie.name == name:
            return cookie.value
    return ""


class Browser:
    """An httpx client with keep-alive and a cookie jar, like one browser."""

    def __init__(self, base_url: str, timeout: float = 30):
        self.base_url = base_url
        # uvicorn closes a keep-alive connection after 5 s idle; like a browser, do not send on one that old.
        limits = httpx.Limits(keepalive_expiry=4)
        self.client = httpx.AsyncClient(base_url=base_url, timeout=timeout, follow_redirects=False, limits=limits)

    def cookie_header(self) -> str:
        """The cookies this browser would send to the server (for the WebSocket handshake)."""
        return "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.client.cookies.jar)

    def csrf_token(self) -> str:
        return _cookie(self.client, "csrftoken")

    async def post_until_stored(self, url: str, data: dict) -> Outcome:
        """POST as the outbox does, again and again with the same data, until the server has it."""
        outcome = Outcome(client_id=data.get("client_id", ""), sent_at=time.perf_counter())
        pause = RETRY_FIRST
        while True:
            outcome.tries += 1
            try:
                response = await self.client.post(
                    url, data=data, headers={"Accept": "application/json", "X-CSRFToken": self.csrf_token()}
                )
            except httpx.TransportError as error:
                outcome.failures.append(type(error).__name__)
            else:
                if 200 <= response.status_code < 300 and _is_our_json(response):
                    outcome.stored_at = time.perf_counter()
                    return outcome
                if response.status_code < 500 and response.status_code not in AGAIN:
                    raise Refused(response.status_code, response.text)
                outcome.failures.append(str(response.status_code))
            await asyncio.sleep(pause)
            pause = min(pause * 2, RETRY_LAST)

    async def close(self) -> None:
        await self.client.aclose()


def _is_our_json(response: httpx.Response) -> bool:
    try:
        return isinstance(response.json().get("ok"), bool)
    except ValueError:
        return False


class Participant(Browser):
    """A phone in the workshop with join code `code`."""

    def __init__(self, base_url: str, code: str, timeout: float = 30):
        super().__init__(base_url, timeout)
        self.code = code

    async def join(self, role: str = "") -> "PhonePage":
        """Open the QR code's address, say (or not) one's role, and land on the phone page."""
        page = await self.client.get(f"/w/{self.code}/")
        page.raise_for_status()
        joined = await self.client.post(
            f"/w/{self.code}/", data={"csrfmiddlewaretoken": self.csrf_token(), "role": role}
        )
        if joined.status_code != 302:
            raise RuntimeError(f"joining {self.code} answered {joined.status_code}: {joined.text[:300]}")
        phone = await self.client.get(joined.headers["location"])
        phone.raise_for_status()
        return PhonePage.read(phone.text)

    async def page(self, whole: bool = False) -> "PhonePage":
        """The phone page as assets/phone/refresh.mjs fetches it to swap in a new layout or lists (without
        base.html), or `whole` as the browser opens it."""
        headers = {"Accept": "text/html"} if whole else {"Accept": "text/html", "HX-Request": "true"}
        response = await self.client.get(f"/w/{self.code}/deltag/", headers=headers)
        response.raise_for_status()
        return PhonePage.read(response.text)

    async def state(self) -> dict:
        """The small state the phone asks for when told something changed."""
        response = await self.client.get(f"/w/{self.code}/tilstand/", headers={"Accept": "application/json"})
        response.raise_for_status()
        return response.json()

    async def card(self, section: int, column: int, text: str, client_id: str | None = None) -> Outcome:
        data = {"section": section, "column": column, "text": text, "client_id": client_id or str(uuid.uuid4())}
        return await self.post_until_stored(f"/w/{self.code}/kort/", data)

    async def vote(self, card: str, client_id: str | None = None) -> Outcome:
        data = {"client_id": client_id or str(uuid.uuid4())}
        return await self.post_until_stored(f"/w/{self.code}/kort/{card}/stem/", data)


@dataclass
class PhonePage:
    """What the phone page tells its script (fingerprint, version, live sequence and socket), and whether it shows the board."""

    fingerprint: str
    seq: int
    socket: str
    version: str = ""
    board: bool = False  # it shows the board (with vote counts)

    @classmethod
    def read(cls, html: str) -> "PhonePage":
        def attribute(name: str) -> str:
            match = re.search(rf'{name}="([^"]*)"', html)
            if match is None:
                raise RuntimeError(f"the phone page has no {name}")
            return match.group(1)

        return cls(
            attribute("data-fingerprint"),
            int(attribute("data-seq") or 0),
            attribute("data-live-socket"),
            attribute("data-version"),
            'id="phone-board"' in html,
        )


class Facilitator(Browser):
    """The facilitator's browser, logged in through the login form."""

    async def log_in(self, username: str, password: str, totp_key: str = "") -> None:
        """Sign in with the password and, given the key of the person's app (hex), with its code."""
        await self.client.get("/log-ind/")
        response = await self.client.post(
            "/log-ind/", data={"csrfmiddlewaretoken": self.csrf_token(), "username": username, "password": password}
        )
        if response.status_code != 302 or "/log-ind/" in response.headers.get("location", ""):
            raise RuntimeError(f"{username} could not log in ({response.status_code})")
        if totp_key:
            code = f"{totp(bytes.fromhex(totp_key)):06d}"
            response = await self.client.post("/log-ind/kode/", data={"csrfmiddlewaretoken": self.csrf_token(), "code": code})
            if response.status_code != 302 or "/log-ind/" in response.headers.get("location", ""):
                raise RuntimeError(f"{username}'s code was not taken ({response.status_code})")

    async def phase(self, section: int, phase: str) -> None:
        """Move the section to a phase with the run page's form."""
        response = await self.client.post(
            f"/sektioner/{section}/fase/", data={"csrfmiddlewaretoken": self.csrf_token(), "phase": phase}
        )
        if response.status_code != 302:
            raise RuntimeError(f"moving section {section} to {phase} answered {response.status_code}")

    async def projector(self, workshop: int) -> str:
        response = await self.client.get(f"/workshops/{workshop}/projektor/")
        response.raise_for_status()
        return response.text

