"""After a form, a person goes back to where they came from only if that is a page of this site."""

import pytest
from django.test import RequestFactory

from samskab.core.redirects import safe_next


@pytest.mark.parametrize(
    ("candidate", "expected"),
    [
        ("/runder/7/handlingsplan/", "/runder/7/handlingsplan/"),
        ("/w/?kode=ABC", "/w/?kode=ABC"),
        ("", "/forside/"),
        ("https://evil.example/log-ind/", "/forside/"),
        ("//evil.example/", "/forside/"),
        ("/\\evil.example/", "/forside/"),
        ("javascript:alert(1)", "/forside/"),
        ("http://testserver/runder/", "/forside/"),  # absolute, even to this host: only paths are followed
    ],
)
def test_only_a_path_on_this_site_is_followed(candidate, expected):
    request = RequestFactory().get("/")
    assert safe_next(request, candidate, "/forside/") == expected
