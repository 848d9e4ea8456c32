"""Test clients signed in as a persona, without paying for a sign-in each time.

A sign-in costs some 12 ms of CPU: its signals write the audit record and `last_login`, and
django-axes and the second step look at it. The suite opens thousands of signed-in clients, so
each persona signs in once per test process (`force_login`), and every later client of theirs
gets a new session with the same content: signed in the same way, through its own session row.
A test that is about signing in itself (the audit record, `last_login`) signs in through the
login form or calls `force_login`.
"""

from importlib import import_module

from django.conf import settings
from django.test import Client

from samskab.accounts.models import User

# What a sign-in leaves in a persona's session, by the persona's row (id and password hash: a
# changed password signs in again).
_CONTENT: dict[tuple[int, str], dict] = {}


def signed_in_client(user: User) -> Client:
    client = Client()
    content = _CONTENT.get((user.pk, user.password))
    if content is None:
        client.force_login(user)
        _CONTENT[(user.pk, user.password)] = dict(client.session.items())
        return client
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session.update(content)
    session.save()
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    return client
