"""Small readers of rendered pages for the behaviour tests.

Assertions stay independent of the interface language: they read what the form itself
reported and look for it, escaped, in the page the user got.
"""

import re
from datetime import date

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import escape


def html(response: HttpResponse) -> str:
    return response.content.decode()


def today() -> date:
    return timezone.localdate()


def submission(response: HttpResponse) -> str:
    """The hidden `submission` value of the create form on a page the user just opened."""
    match = re.search(r'name="submission" value="([0-9a-f-]+)"', html(response))
    assert match, "the form has no submission id"
    return match.group(1)


def assert_form_error(response: HttpResponse, field: str) -> None:
    """The form came back (200) with an error on `field`, and the page shows that error."""
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors, f"no error on {field}: {form.errors.as_data()}"
    page = html(response)
    assert "form-error-message" in page
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        for message in form.errors[field]:
            assert escape(message) in page


def row(response: HttpResponse, text: str) -> str:
    """The table row (<tr>…</tr>) of the page that contains `text`."""
    for match in re.finditer(r"<tr[ >].*?</tr>", html(response), re.DOTALL):
        if text in match.group(0):
            return match.group(0)
    raise AssertionError(f"no table row contains {text!r}")


def north_cards():
    """The cards of the demo forløb at Hjemmeplejen Nord (the erfaringsbank's demo forløb has cards too)."""
    from samskab.workshops.models import Card

    return Card.objects.filter(section__workshop__round__process__unit__name="Hjemmeplejen Nord")
