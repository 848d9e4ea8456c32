"""The ASGI server's request threads: a request in progress does not hold up another one.

Served by the real ASGI handler (samskab/asgi.py) in this process, with pages that wait until
the test lets them finish (tests/lanes_urls.py): no times, only the order in which things happen.
"""

import asyncio
import uuid

import httpx
import pytest
from django.test import override_settings
from django.urls import reverse

from samskab.asgi import OneHopASGIHandler
from samskab.core.lanes import PHONE_PATHS, is_slow, is_slow_name
from tests import lanes_urls


def handler(**sizes) -> OneHopASGIHandler:
    with override_settings(**sizes):
        return OneHopASGIHandler()


async def started(count: int) -> None:
    """Until `count` waiting pages have started (each in its own request thread)."""
    for _ in range(count):
        assert await asyncio.to_thread(lanes_urls.entered.acquire, True, 10), "a waiting page did not start"


async def while_waiting(app, waiting: list[str], then: str) -> tuple[int, list[int]]:
    """Start requests for `waiting`, and once they have all started, request `then`; its status, then theirs."""
    lanes_urls.release.clear()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        held = [asyncio.create_task(client.get(url)) for url in waiting]
        try:
            await started(len(waiting))
            answer = await asyncio.wait_for(client.get(then), timeout=10)
            assert not any(task.done() for task in held), "the waiting pages finished before they were let go"
        finally:
            lanes_urls.release.set()
        return answer.status_code, [(await task).status_code for task in held]


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_a_request_is_answered_while_another_is_still_running():
    app = handler(REQUEST_THREADS=2, SLOW_REQUEST_THREADS=1)
    status, held = asyncio.run(while_waiting(app, ["/waiting/"], then="/quick/"))
    assert status == 200 and held == [200]


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_slow_requests_filling_their_lane_leave_the_phones_their_threads():
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=2)
    status, held = asyncio.run(while_waiting(app, ["/waiting.pdf", "/waiting.pdf"], then="/quick/"))
    assert status == 200 and held == [200, 200]


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_a_request_waits_for_a_free_thread_of_its_lane():
    """With one phone thread held, the next phone request is not run until it is free again."""
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=1)

    async def run() -> list[str]:
        lanes_urls.release.clear()
        order = []
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            held = asyncio.create_task(client.get("/waiting/"))
            await started(1)
            queued = asyncio.create_task(client.get("/quick/"))
            await asyncio.sleep(0.2)  # time for the quick page to run, were a thread free
            order.append("quick done" if queued.done() else "quick waiting")
            lanes_urls.release.set()
            await held
            await queued
            order.append("both done")
        return order

    assert asyncio.run(run()) == ["quick waiting", "both done"]


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_a_write_waiting_for_a_thread_goes_before_the_reads_that_came_first():
    """While the room fetches its pages, a card does not queue behind them."""
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=1)

    async def run() -> list[str]:
        lanes_urls.release.clear()
        lanes_urls.ran.clear()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            held = asyncio.create_task(client.get("/waiting/"))
            await started(1)
            reads = [asyncio.create_task(client.get("/noted/")) for _ in range(3)]
            await asyncio.sleep(0.1)  # the reads are waiting for the thread before the write asks
            write = asyncio.create_task(client.post("/noted/"))
            await asyncio.sleep(0.1)
            lanes_urls.release.set()
            answers = await asyncio.gather(held, *reads, write)
        assert all(answer.status_code == 200 for answer in answers)
        return list(lanes_urls.ran)

    assert asyncio.run(run()) == ["POST", "GET", "GET", "GET"]


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_a_request_that_gave_up_waiting_hands_on_its_thread():
    """A client that went away while waiting leaves no thread lost: the next request still runs."""
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=1)

    async def run() -> int:
        lanes_urls.release.clear()
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            held = asyncio.create_task(client.get("/waiting/"))
            await started(1)
            gone = asyncio.create_task(client.get("/quick/"))
            await asyncio.sleep(0.1)
            gone.cancel()
            lanes_urls.release.set()
            await held
            answer = await asyncio.wait_for(client.get("/quick/"), timeout=10)
        return answer.status_code

    assert asyncio.run(run()) == 200


@override_settings(ROOT_URLCONF="tests.lanes_urls")
def test_the_slow_lane_runs_at_a_lower_cpu_priority_than_the_phones():
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=1)

    async def run() -> tuple[int, int]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
            phone, slow = await client.get("/niceness/"), await client.get("/niceness.xlsx")
        return int(phone.text), int(slow.text)

    phone, slow = asyncio.run(run())
    assert slow > phone, "a document's thread must give way to a phone's"


def test_logins_documents_imports_and_search_take_the_slow_lane():
    slow = ("login", "oidc_callback", "saml_acs", "password_reset_confirm", "minutes_pdf", "minutes_docx", "portfolio_xlsx")
    for name in (*slow, "process_import", "bank_search"):
        assert is_slow_name(name), name
    for name in (None, "", "phone", "phone_card", "phone_vote", "phone_state", "dashboard", "process_detail"):
        assert not is_slow_name(name), name


@pytest.mark.django_db
def test_the_lane_is_chosen_by_the_real_urls():
    assert is_slow(reverse("accounts:login"))
    assert is_slow(reverse("portfolio:portfolio_xlsx"))
    assert is_slow(reverse("workshops:minutes_pdf", args=[1]))
    assert not is_slow(reverse("workshops:join"))
    assert not is_slow("/no/such/page/")


def _routes(patterns, prefix="/"):
    """(path pattern, URL name) of every page, through the included URL lists."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route, pattern.name


def test_no_page_of_the_phones_is_slow_so_their_paths_need_no_resolving():
    """is_slow answers for the phones' paths without resolving them: none of their names may be slow."""
    from django.urls import get_resolver

    phone_pages = [name for route, name in _routes(get_resolver().url_patterns) if route.startswith(PHONE_PATHS)]
    assert "phone_vote" in phone_pages and "phone_card_add" in phone_pages
    for name in phone_pages:
        assert not is_slow_name(name), name


def test_a_phones_path_is_resolved_once_and_the_others_each_time(monkeypatch):
    from django.urls.resolvers import URLResolver

    resolved = []
    original = URLResolver.resolve

    def counted(self, path):
        if self.pattern.regex.pattern == "^/":  # the root resolver: one call per resolving
            resolved.append(path)
        return original(self, path)

    monkeypatch.setattr(URLResolver, "resolve", counted)
    app = handler(REQUEST_THREADS=1, SLOW_REQUEST_THREADS=1)

    async def get_twice(path: str) -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return [(await client.get(path)).status_code for _ in range(2)]

    assert asyncio.run(get_twice("/w/QWERTY/tilstand/")) == [302, 302]  # not joined: sent to the join page
    assert asyncio.run(get_twice("/w/QWERTY/kort/ikke-her/")) == [404, 404]
    assert asyncio.run(get_twice("/no/such/page/")) == [404, 404]
    assert resolved.count("/w/QWERTY/tilstand/") == 1

    # A vote's path: one resolving for every card of the workshop, each view given its own card.
    from django.test import RequestFactory

    cards = [uuid.uuid4(), uuid.uuid4()]
    for card in cards * 2:
        match = app.resolve_request(RequestFactory().post(f"/w/QWERTY/kort/{card}/stem/"))
        assert (match.url_name, match.namespace, match.kwargs) == ("phone_vote", "workshops", {"code": "QWERTY", "card": card})
    assert resolved.count(f"/w/QWERTY/kort/{uuid.UUID(int=0)}/stem/") == 1
    assert not any(str(card) in path for path in resolved for card in cards)
    assert resolved.count("/w/QWERTY/kort/ikke-her/") == 2  # nothing to keep: it matches no page
    assert resolved.count("/no/such/page/") >= 2  # each time (its 404 even twice)
