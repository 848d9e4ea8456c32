import re

from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.helpers import html

NEW_PASSWORD = "en-helt-ny-adgangskode-42"


def ask_for_a_link(client: Client, email: str):
    return client.post(reverse("accounts:password_reset"), {"email": email})


def test_the_page_is_open_to_anonymous_visitors(db):
    response = Client().get(reverse("accounts:password_reset"))
    assert response.status_code == 200
    assert 'name="email"' in html(response)


def test_it_sends_a_link_that_sets_a_new_password(personas):
    client = Client()
    response = ask_for_a_link(client, "tr@demo-kommune.example")
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tr@demo-kommune.example"]

    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    response = client.get(link)
    assert response.status_code == 302  # Django swaps the token for a session and hides it from the address
    form_url = response.url
    response = client.get(form_url)
    assert response.status_code == 200
    assert response.context["validlink"]

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_complete")

    personas["tr"].refresh_from_db()
    assert personas["tr"].check_password(NEW_PASSWORD)
    fresh = Client()
    fresh.post(reverse("accounts:login"), {"username": "tr", "password": NEW_PASSWORD})
    assert fresh.session[SESSION_KEY] == str(personas["tr"].pk)


def test_the_link_works_once(personas):
    client = Client()
    ask_for_a_link(client, "tr@demo-kommune.example")
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = Client().get(link, follow=True)
    assert again.status_code == 200
    assert not again.context["validlink"]


def test_it_rejects_a_weak_password(personas):
    client = Client()
    ask_for_a_link(client, "tr@demo-kommune.example")
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url
    response = client.post(form_url, {"new_password1": "1234", "new_password2": "1234"})
    assert response.status_code == 200
    assert response.context["form"].errors
    personas["tr"].refresh_from_db()
    assert not personas["tr"].check_password("1234")


def test_an_unknown_address_sends_nothing_and_says_the_same(personas):
    response = ask_for_a_link(Client(), "ukendt@example.org")
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []
