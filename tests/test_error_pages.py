import pytest
from django.test import Client
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext

from samskab import urls as site_urls
from tests.helpers import html


def broken_view(request):
    raise RuntimeError("Something unexpected")


# With @pytest.mark.urls(__name__), this module is the site's URLconf: the real one, plus a view that fails.
urlpatterns = [*site_urls.urlpatterns, path("test/fejl/", broken_view)]
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500


def footer_link_text() -> str:
    with translation.override("da"):
        return gettext("Accessibility statement")


def test_an_unknown_address_shows_the_404_page_in_the_site_design(db):
    response = Client().get("/findes-ikke/")
    assert response.status_code == 404
    page = html(response)
    assert '<html lang="da">' in page
    assert footer_link_text() in page
    assert reverse("organisations:accessibility") in page


def test_a_hidden_process_shows_the_same_404_page(demo, client_as):
    response = client_as("nabo").get(demo.get_absolute_url())
    assert response.status_code == 404
    assert footer_link_text() in html(response)
    assert demo.title not in html(response)


def test_a_forbidden_action_shows_the_403_page_in_the_site_design(demo, client_as):
    response = client_as("med").get(reverse("processes:process_edit", args=[demo.pk]))
    assert response.status_code == 403
    assert footer_link_text() in html(response)
    assert 'name="title"' not in html(response)


@pytest.mark.urls(__name__)
def test_an_unexpected_error_shows_the_500_page(db, settings):
    settings.DEBUG = False
    response = Client(raise_request_exception=False).get("/test/fejl/")
    assert response.status_code == 500
    page = html(response)
    assert footer_link_text() in page
    assert "Something unexpected" not in page
    assert "Traceback" not in page


@pytest.mark.urls(__name__)
def test_the_500_page_does_not_depend_on_who_is_logged_in(demo, client_as, settings):
    settings.DEBUG = False
    client = client_as("konsulent")
    client.raise_request_exception = False
    response = client.get("/test/fejl/")
    assert response.status_code == 500
    assert footer_link_text() in html(response)
