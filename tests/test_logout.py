import re

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.helpers import html


def test_every_page_has_a_logout_button_that_posts(client_as):
    page = html(client_as("tr").get(reverse("processes:dashboard")))
    forms = re.findall(r"<form[^>]*>", page)
    assert any(f'action="{reverse("accounts:logout")}"' in form and 'method="post"' in form for form in forms)


def test_it_logs_out_by_post(client_as):
    client = client_as("tr")
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    assert SESSION_KEY not in client.session
    assert client.get(reverse("processes:dashboard")).status_code == 302


def test_it_does_not_log_out_by_get(client_as):
    client = client_as("tr")
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.get(reverse("processes:dashboard")).status_code == 200
