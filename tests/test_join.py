"""Joining a workshop from a phone: by code or QR address, anonymous or named, wrong tries limited."""

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test import Client
from django.urls import reverse

from samskab.workshops import limits
from samskab.workshops.joining import cookie_name
from samskab.workshops.models import Attendee, AttendeeRole, WorkshopStatus
from tests.helpers import html
from tests.phone_helpers import JSON, card_data, demo_workshop, join, phone_url, run


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def workshop(demo):
    """The demo workshop, running and open for joining (tests/test_join_window.py covers when it is not)."""
    workshop = demo_workshop(demo)
    run(workshop)
    return workshop


def spaced_small(code: str) -> str:
    """A code as someone might type it off the projector: small letters, a space in the middle."""
    return f" {code[:3].lower()} {code[3:].lower()} "


def test_the_code_is_read_in_any_case_and_with_spaces(workshop):
    response = Client().post(reverse("workshops:join"), {"code": spaced_small(workshop.join_code)})
    assert response.status_code == 302
    assert response.url == f"/w/{workshop.join_code}/"


def test_the_qr_address_works_with_small_letters_too(workshop):
    response = Client().get(f"/w/{workshop.join_code.lower()}/")
    assert response.status_code == 200
    assert response.context["workshop"] == workshop


def test_the_join_screen_says_the_workshop_is_anonymous_and_links_to_the_municipalitys_privacy_page(workshop):
    page = html(Client().get(f"/w/{workshop.join_code}/"))
    organisation = workshop.round.process.unit.organisation
    assert reverse("privacy:privacy", args=[organisation.slug]) in page
    assert 'id="join-privacy"' in page
    assert 'name="role"' in page
    assert 'name="name"' not in page  # an anonymous workshop asks for no name


def test_an_anonymous_attendee_is_stored_without_user_or_name_and_with_the_role_they_chose(workshop):
    client = Client()
    attendee = join(client, workshop, role=AttendeeRole.TR, name="Should Not Be Kept")
    assert attendee.workshop == workshop
    assert attendee.role == AttendeeRole.TR
    assert attendee.name == ""
    assert not hasattr(attendee, "user")
    assert client.get(phone_url(workshop)).status_code == 200


def test_a_participant_may_keep_their_role_to_themselves(workshop):
    assert join(Client(), workshop).role == ""


def test_a_named_workshop_asks_for_a_name_and_keeps_it(workshop):
    workshop.anonymous = False
    workshop.save()
    client = Client()
    response = client.post(f"/w/{workshop.join_code}/", {"role": AttendeeRole.EMPLOYEE})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert not Attendee.objects.exists()
    assert join(client, workshop, name="Mette Holm").name == "Mette Holm"


def test_a_logged_in_person_gets_their_name_suggested_in_a_named_workshop(workshop, client_as, personas):
    workshop.anonymous = False
    workshop.save()
    response = client_as("medarbejder").get(f"/w/{workshop.join_code}/")
    assert response.context["form"]["name"].value() == personas["medarbejder"].get_full_name()


def test_the_attendee_cookie_is_signed_http_only_and_for_the_workshop_pages(workshop):
    client = Client()
    attendee = join(client, workshop)
    cookie = client.cookies[cookie_name(workshop)]
    assert cookie["httponly"]
    assert cookie["path"] == "/w/"
    assert cookie["samesite"] == "Lax"
    assert cookie.value.startswith(attendee.token + ":")  # token:timestamp:signature
    client.cookies[cookie_name(workshop)] = attendee.token  # the bare token, unsigned: not accepted
    assert client.get(phone_url(workshop)).status_code == 302


def test_the_token_is_not_kept_in_the_session_beside_the_user(workshop, client_as):
    client = client_as("medarbejder")
    attendee = join(client, workshop)
    assert attendee.token not in str(dict(client.session))


def test_a_browser_that_has_joined_goes_straight_to_its_page(workshop):
    client = Client()
    join(client, workshop)
    response = client.get(f"/w/{workshop.join_code}/")
    assert response.status_code == 302
    assert response.url == phone_url(workshop)
    assert Attendee.objects.count() == 1


def test_a_running_workshop_can_be_joined_and_a_closed_one_cannot(workshop):
    join(Client(), workshop)
    join(Client(), workshop)
    workshop.status = WorkshopStatus.CLOSED
    workshop.save()
    client = Client()
    assert client.get(f"/w/{workshop.join_code}/").status_code == 410
    assert client.post(f"/w/{workshop.join_code}/", {}).status_code == 410
    response = client.post(reverse("workshops:join"), {"code": workshop.join_code})
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert Attendee.objects.count() == 2


def test_a_wrong_code_is_refused(workshop):
    response = Client().post(reverse("workshops:join"), {"code": "ZZZZ99"})
    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert Client().get("/w/ZZZZ99/").status_code == 404


def test_the_phone_pages_send_a_browser_without_the_cookie_to_join_whether_the_code_is_real_or_not(workshop):
    section = run(workshop)
    client = Client()
    for code in (workshop.join_code, "ZZZZ99"):
        for action in ("deltag", "tilstand"):
            response = client.get(f"/w/{code}/{action}/")
            assert response.status_code == 302
            assert response.url == f"/w/{code}/"
        assert client.post(f"/w/{code}/kort/", card_data(section)).status_code == 302
        response = client.get(f"/w/{code}/tilstand/", **JSON)
        assert response.status_code == 403
        assert response.json()["join"] == f"/w/{code}/"


def _wrong(client: Client, address: str = "10.0.0.1") -> int:
    return client.post(reverse("workshops:join"), {"code": "ZZZZ99"}, REMOTE_ADDR=address).status_code


def test_wrong_tries_are_limited_per_browser_session_and_then_even_the_right_code_waits(workshop, settings):
    settings.JOIN_TRIES_PER_SESSION = 10
    client = Client()
    assert [_wrong(client) for _ in range(10)] == [200] * 10
    assert _wrong(client) == 429
    right = client.post(reverse("workshops:join"), {"code": workshop.join_code}, REMOTE_ADDR="10.0.0.1")
    assert right.status_code == 429
    assert client.get(f"/w/{workshop.join_code}/", REMOTE_ADDR="10.0.0.1").status_code == 429
    # A colleague in the same room, on the same Wi-Fi address, is not held up.
    assert Client().post(reverse("workshops:join"), {"code": workshop.join_code}, REMOTE_ADDR="10.0.0.1").status_code == 302


def test_wrong_tries_through_the_qr_address_count_too(workshop, settings):
    settings.JOIN_TRIES_PER_SESSION = 3
    client = Client()
    assert [client.get(f"/w/ZZZZ{n}9/").status_code for n in range(3)] == [404] * 3
    assert client.get("/w/ZZZZ99/").status_code == 429


def test_wrong_tries_are_limited_per_address_for_browsers_that_drop_their_session(workshop, settings):
    settings.JOIN_TRIES_PER_ADDRESS = 5
    assert [_wrong(Client()) for _ in range(5)] == [200] * 5
    assert _wrong(Client()) == 429
    assert _wrong(Client(), address="10.0.0.2") == 200


def test_a_few_guessing_addresses_do_not_lock_out_the_right_code_from_other_addresses(workshop, settings):
    settings.JOIN_TRIES_PER_ADDRESS = 3
    for n in range(4):
        assert [_wrong(Client(), address=f"10.0.1.{n}") for _ in range(4)] == [200] * 3 + [429]
    right = Client().post(reverse("workshops:join"), {"code": workshop.join_code}, REMOTE_ADDR="10.0.2.1")
    assert right.status_code == 302


def test_the_limit_ends_with_its_window(workshop, settings, monkeypatch):
    settings.JOIN_TRIES_PER_SESSION = 2
    client = Client()
    _wrong(client)
    _wrong(client)
    assert _wrong(client) == 429
    now = limits.time.time()
    monkeypatch.setattr(limits.time, "time", lambda: now + settings.JOIN_TRIES_WINDOW)
    assert _wrong(client) == 200


def test_the_limit_page_is_in_the_site_design_and_says_when_to_try_again(workshop, settings):
    settings.JOIN_TRIES_PER_SESSION = 1
    client = Client()
    _wrong(client)
    response = client.post(reverse("workshops:join"), {"code": "ZZZZ99"})
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= settings.JOIN_TRIES_WINDOW + 1
    assert response.templates[0].name == "workshops/join_limited.html"
    assert "samskab-header" in html(response)


def test_the_address_is_not_kept_in_clear_even_in_the_cache(workshop):
    counts = caches["default"]
    if not isinstance(counts, LocMemCache):
        pytest.skip("reads the keys of the in-memory cache")
    _wrong(Client(), address="198.51.100.23")
    keys = list(counts._cache)
    assert any("join-tries:address" in key for key in keys)
    assert not any("198.51.100.23" in key for key in keys)


ADDRESS = "203.0.113.77"


def _all_rows_text() -> str:
    """Every row of every table, as text."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            parts.append(repr(cursor.fetchall()))
    return "\n".join(parts)


def test_an_anonymous_attendee_and_their_card_are_stored_without_user_or_address(workshop, client_as):
    section = run(workshop)
    client = client_as("medarbejder")  # logged in, and still anonymous in the workshop
    client.defaults["REMOTE_ADDR"] = ADDRESS
    attendee = join(client, workshop)
    response = client.post(phone_url(workshop, "kort"), card_data(section, "Vi fik mere tid"), **JSON)
    assert response.status_code == 200
    card = attendee.cards.get()
    for record in (attendee, card):
        assert {field.name for field in record._meta.get_fields()}.isdisjoint({"user", "ip", "address"})
    rows = _all_rows_text()
    assert "Vi fik mere tid" in rows  # the search does read the tables
    assert ADDRESS not in rows
    assert not any(ADDRESS in str(session.get_decoded()) for session in Session.objects.all())


def test_djangos_log_lines_for_refused_requests_hold_no_address(workshop, caplog):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.get("/w/ZZZZ99/")
    client.post(f"/w/{workshop.join_code}/kort/", {}, HTTP_ACCEPT="application/json")
    assert "ZZZZ99" in caplog.text  # the refusals were logged …
    assert ADDRESS not in caplog.text  # … without the address
