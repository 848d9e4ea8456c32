"""TOTP as the second step of a password sign-in (django-otp): required of administrators and
central konsulenter when TOTP_REQUIRED is on, set up with a QR code; and the password change."""


import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from samskab.demo.kommune import DEMO_PASSWORD
from tests.helpers import assert_form_error, html


@pytest.fixture
def required(settings):
    settings.TOTP_REQUIRED = True


def code_for(device: TOTPDevice, *, steps_ago: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=-steps_ago):06d}"


def sign_in(username: str, next_url: str = "") -> tuple[Client, object]:
    client = Client()
    data = {"username": username, "password": DEMO_PASSWORD} | ({"next": next_url} if next_url else {})
    return client, client.post(reverse("accounts:login"), data)


def test_a_central_konsulent_sets_up_the_app_before_anything_else(personas, required):
    client, response = sign_in("central", next_url=reverse("organisations:units"))
    response = client.get(response.url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:totp_setup"))
    assert client.get(reverse("administration:administration")).status_code == 302  # every page waits for the code
    page = client.get(response.url)
    assert 'role="img"' in html(page) and "<svg" in html(page)
    device = TOTPDevice.objects.get(user=personas["central"], confirmed=False)
    assert page.context["secret"] in html(page)
    answer = client.post(response.url, {"code": code_for(device), "next": reverse("organisations:units")})
    assert answer.url == reverse("organisations:units")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("administration:administration")).status_code == 200


def test_a_wrong_code_at_set_up_keeps_the_app_unconfirmed(personas, required):
    client, _ = sign_in("central")
    client.get(reverse("accounts:totp_setup"))
    response = client.post(reverse("accounts:totp_setup"), {"code": "000000"})
    assert_form_error(response, "code")
    assert not TOTPDevice.objects.filter(user=personas["central"], confirmed=True).exists()
    assert client.get(reverse("processes:dashboard")).status_code == 302


def test_someone_with_an_app_gives_its_code_after_the_password(personas):
    device = TOTPDevice.objects.create(user=personas["medarbejder"], name="Samskab", confirmed=True)
    client, response = sign_in("medarbejder")
    response = client.get(response.url)
    assert response.url.startswith(reverse("accounts:totp_verify"))
    assert_form_error(client.post(reverse("accounts:totp_verify"), {"code": "12 34 5x"}), "code")
    answer = client.post(reverse("accounts:totp_verify"), {"code": code_for(device), "next": reverse("processes:dashboard")})
    assert answer.url == reverse("processes:dashboard")
    assert client.get(reverse("processes:dashboard")).status_code == 200


def test_wrong_codes_are_throttled(personas):
    device = TOTPDevice.objects.create(user=personas["tr"], name="Samskab", confirmed=True)
    client, _ = sign_in("tr")
    client.post(reverse("accounts:totp_verify"), {"code": "000001"})
    response = client.post(reverse("accounts:totp_verify"), {"code": code_for(device)})  # right, but too soon after a wrong one
    assert_form_error(response, "code")
    assert client.get(reverse("processes:dashboard")).status_code == 302


def test_without_the_requirement_a_central_konsulent_signs_in_with_the_password_alone(personas, settings):
    settings.TOTP_REQUIRED = False  # as in the demo
    client, response = sign_in("central")
    assert client.get(response.url).status_code == 200


def test_a_participant_is_not_asked_to_set_up_an_app(personas, required):
    client, response = sign_in("medarbejder")
    assert client.get(response.url).status_code == 200


def test_a_sign_in_through_the_identity_provider_is_not_asked_for_a_code(personas, required):
    client = Client()
    client.force_login(personas["central"], backend="samskab.signin.backends.FederatedBackend")
    assert client.get(reverse("administration:administration")).status_code == 200


def test_a_superuser_must_set_up_the_app_for_the_django_admin(personas, required):
    client, _ = sign_in("admin")
    response = client.get("/admin/")
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:totp_setup"))


def test_the_account_page_offers_the_password_change_and_the_app(client_as):
    page = html(client_as("leder").get(reverse("accounts:account")))
    assert reverse("accounts:password_change") in page and reverse("accounts:totp_setup") in page


def test_a_new_password_needs_twelve_characters(client_as, personas):
    client = client_as("leder")
    short = {"old_password": DEMO_PASSWORD, "new_password1": "Kort1!kode", "new_password2": "Kort1!kode"}
    assert_form_error(client.post(reverse("accounts:password_change"), short), "new_password2")
    good = {"old_password": DEMO_PASSWORD, "new_password1": "lang nok til at holde", "new_password2": "lang nok til at holde"}
    assert client.post(reverse("accounts:password_change"), good).url == reverse("accounts:account")
    personas["leder"].refresh_from_db()
    assert personas["leder"].check_password("lang nok til at holde")
    assert client.get(reverse("processes:dashboard")).status_code == 200  # still signed in


def test_someone_with_an_app_cannot_set_up_another_with_the_password_alone(personas):
    TOTPDevice.objects.create(user=personas["amr"], name="Samskab", confirmed=True)
    client, _ = sign_in("amr")
    response = client.get(reverse("accounts:totp_setup"))
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:totp_verify"))
    assert client.post(reverse("accounts:totp_setup"), {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=personas["amr"]).count() == 1
