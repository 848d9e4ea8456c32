"""Throttled sign-in (django-axes) per account and per address, with back-off, on the login, the
Django admin's login and the password reset; the answer does not tell whether an account exists."""

import logging
import re
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt, AccessLog
from django.test import Client
from django.urls import reverse

from samskab.accounts.throttling import cooloff
from samskab.demo.kommune import DEMO_PASSWORD
from tests.helpers import html


def login(client: Client, username: str, password: str = "not-the-password", url: str | None = None):
    return client.post(url or reverse("accounts:login"), {"username": username, "password": password})


def test_an_account_is_refused_after_five_wrong_passwords_even_with_the_right_one(personas):
    client = Client()
    for _ in range(4):
        assert login(client, "konsulent").status_code == 200  # the form again
    assert login(client, "konsulent").status_code == 429
    refused = login(Client(REMOTE_ADDR="10.0.0.2"), "konsulent", DEMO_PASSWORD)  # another address, right password
    assert refused.status_code == 429
    assert "_auth_user_id" not in refused.wsgi_request.session
    assert login(client, "leder", DEMO_PASSWORD).status_code == 302  # other accounts still sign in


def _without_tokens(page: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "", page)  # each page has a CSRF token of its own


def test_the_answer_is_the_same_for_an_account_that_does_not_exist(personas):
    answers = {}
    for username in ("konsulent", "nobody-by-that-name"):
        client = Client(REMOTE_ADDR=f"10.0.1.{len(answers)}")
        responses = [login(client, username) for _ in range(6)]
        answers[username] = [(r.status_code, _without_tokens(html(r)).replace(username, "X")) for r in responses]
    assert answers["konsulent"] == answers["nobody-by-that-name"]
    assert answers["konsulent"][-1][0] == 429


def test_the_wait_is_said_in_danish(personas):
    client = Client()
    for _ in range(5):
        response = login(client, "tr")
    assert response.status_code == 429
    assert "For mange forsøg" in html(response)


def test_an_address_is_refused_after_its_own_limit_across_accounts(personas, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 8
    office = Client(REMOTE_ADDR="10.0.2.1")
    for username in ("a", "b", "c", "d", "e", "f", "g"):
        assert login(office, username).status_code == 200
    assert login(office, "h").status_code == 429
    assert login(office, "leder", DEMO_PASSWORD).status_code == 429  # the whole address waits
    assert login(Client(REMOTE_ADDR="10.0.2.2"), "leder", DEMO_PASSWORD).status_code == 302


def test_each_failure_while_refused_doubles_the_wait(personas, settings):
    request = SimpleNamespace(POST={"username": "konsulent"}, axes_ip_address="10.0.3.1", META={})
    base = cooloff(request)
    assert base.total_seconds() == settings.LOGIN_COOLOFF_MINUTES * 60
    client = Client(REMOTE_ADDR="10.0.3.1")
    for _ in range(5):
        login(client, "konsulent")
    assert cooloff(request) == base
    login(client, "konsulent")
    login(client, "konsulent")
    assert cooloff(request) == 4 * base


def test_a_successful_sign_in_forgets_the_failures_and_is_not_logged(personas):
    client = Client(REMOTE_ADDR="10.0.4.1")
    for _ in range(3):
        login(client, "amr")
    assert login(client, "amr", DEMO_PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="amr").exists()
    assert not AccessLog.objects.exists()


def test_the_log_lines_carry_no_address(personas, caplog):
    with caplog.at_level(logging.DEBUG, logger="axes"):
        client = Client(REMOTE_ADDR="10.9.8.7")
        for _ in range(6):
            login(client, "medarbejder")
    assert caplog.records
    assert "10.9.8.7" not in caplog.text


def test_the_django_admins_login_is_throttled_too(personas):
    client = Client()
    url = reverse("admin:login")
    for _ in range(4):
        assert login(client, "admin", url=url).status_code == 200
    assert login(client, "admin", url=url).status_code == 429
    assert login(client, "admin", DEMO_PASSWORD, url=url).status_code == 429


def test_the_password_reset_is_throttled_per_email_whether_or_not_it_belongs_to_someone(personas, mailoutbox):
    for email in ("konsulent@demo-kommune.example", "nobody@demo-kommune.example"):
        client = Client(REMOTE_ADDR=f"10.0.5.{len(email)}")
        statuses = [client.post(reverse("accounts:password_reset"), {"email": email}).status_code for _ in range(4)]
        assert statuses == [302, 302, 302, 429], email


def test_the_password_reset_is_throttled_per_address(personas, settings):
    settings.PASSWORD_RESETS_PER_ADDRESS = 3
    client = Client(REMOTE_ADDR="10.0.6.1")
    statuses = [client.post(reverse("accounts:password_reset"), {"email": f"x{n}@example.dk"}).status_code for n in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Client(REMOTE_ADDR="10.0.6.2").post(reverse("accounts:password_reset"), {"email": "y@example.dk"}).status_code == 302


@pytest.mark.parametrize("path", ["/log-ind/", "/w/"])
def test_pages_that_are_not_sign_ins_record_nothing(db, path):
    Client().get(path)
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()


def test_signing_in_to_ones_own_account_does_not_wipe_the_guesses_at_another(personas):
    attacker = Client(REMOTE_ADDR="10.0.7.1")
    for _ in range(4):
        login(attacker, "konsulent")
    assert login(attacker, "tr", DEMO_PASSWORD).status_code == 302  # their own account
    attacker = Client(REMOTE_ADDR="10.0.7.1")
    assert login(attacker, "konsulent").status_code == 429  # the fifth guess still counts
