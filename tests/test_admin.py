"""The Django admin sets up municipalities, units, people, memberships and MED committees."""

import pytest
from django.contrib import admin
from django.urls import reverse

from samskab.accounts.models import User


@pytest.fixture
def admin_client_(client_as):
    return client_as("admin")


def test_every_admin_list_and_add_page_opens_for_the_administrator(admin_client_, rf):
    request = rf.get("/admin/")
    request.user = User.objects.get(username="admin")
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        # Records that only a program writes (axes' sign-in attempts) have no add page, by design.
        views = ("changelist", "add") if model_admin.has_add_permission(request) else ("changelist",)
        for view in views:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}")
            assert admin_client_.get(url).status_code == 200, url


def test_the_administrator_adds_a_unit_below_another(admin_client_, demo):
    parent = demo.unit
    response = admin_client_.post(
        reverse("admin:organisations_unit_add"),
        {"organisation": parent.organisation_id, "parent": parent.pk, "name": "Hjemmeplejen Nord, team 4", "kind": "arbejdsplads"},
    )
    assert response.status_code == 302
    unit = parent.children.get(name="Hjemmeplejen Nord, team 4")
    assert unit.path.startswith(parent.path)


def test_a_participant_cannot_open_the_admin(client_as, demo):
    response = client_as("medarbejder").get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
