import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client
from tests.pages.naming import reverse  # names given bare, in parameters

from samskab.demo.kommune import DEMO_PASSWORD
from tests.helpers import html


def test_the_login_page_is_danish_for_anonymous_visitors(db):
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    assert '<html lang="da">' in html(response)
    assert 'name="username"' in html(response)
    assert 'name="password"' in html(response)


def test_it_stays_danish_when_the_browser_asks_for_english(db):
    response = Client(headers={"accept-language": "en-GB,en;q=0.9"}).get(reverse("accounts:login"))
    assert '<html lang="da">' in html(response)


def test_it_logs_in_and_goes_to_my_processes(personas):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "konsulent", "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("processes:dashboard")
    assert client.session[SESSION_KEY] == str(personas["konsulent"].pk)
    assert "Mindre bøvl, mere tid hos borgerne" in html(client.get(response.url))


def test_it_returns_to_the_page_asked_for(demo):
    response = Client().post(
        reverse("accounts:login"), {"username": "tr", "password": DEMO_PASSWORD, "next": demo.get_absolute_url()}
    )
    assert response.url == demo.get_absolute_url()


def test_it_does_not_follow_a_next_to_another_site(demo):
    response = Client().post(
        reverse("accounts:login"), {"username": "tr", "password": DEMO_PASSWORD, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.url == reverse("processes:dashboard")


def test_a_wrong_password_shows_the_form_again(demo):
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "konsulent", "password": "forkert"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert 'value="konsulent"' in html(response)
    assert SESSION_KEY not in client.session


def test_a_logged_in_user_is_sent_on_from_the_login_page(client_as):
    response = client_as("leder").get(reverse("accounts:login"))
    assert response.status_code == 302
    assert response.url == reverse("processes:dashboard")


@pytest.mark.parametrize("name", ["dashboard", "units"])
def test_anonymous_users_are_sent_to_log_in(db, name):
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login") + "?next=")


def test_anonymous_users_are_sent_to_log_in_from_every_page_of_a_process(demo):
    solution = demo.challenges.first().solutions.first()
    urls = [
        demo.get_absolute_url(),
        reverse("processes:process_edit", args=[demo.pk]),
        reverse("processes:participants", args=[demo.pk]),
        reverse("processes:process_history", args=[demo.pk]),
        reverse("processes:challenge_create", args=[demo.pk]),
        demo.challenges.first().get_absolute_url(),
        solution.get_absolute_url(),
        reverse("processes:follow_up_create", args=[solution.pk]),
        reverse("processes:unit", args=[demo.unit.pk]),
    ]
    client = Client()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == f"{reverse('accounts:login')}?next={url}"
    response = client.post(reverse("processes:follow_up_create", args=[solution.pk]), {"happened": "x"})
    assert response.status_code == 302
    assert not solution.follow_ups.filter(happened="x").exists()
