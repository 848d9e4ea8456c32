from django.urls import path

from samskab.administration import views

app_name = "administration"

urlpatterns = [
    path("administration/", views.home, name="administration"),
    path("administration/enheder/", views.units, name="administration_units"),
    path("administration/enheder/ny/", views.unit_create, name="administration_unit_create"),
    path("administration/enheder/<int:pk>/", views.unit_edit, name="administration_unit"),
    path("administration/enheder/<int:pk>/roller/", views.membership_add, name="administration_membership_add"),
    path("administration/roller/<int:pk>/slet/", views.membership_remove, name="administration_membership_remove"),
    path("administration/med-udvalg/", views.committees, name="administration_committees"),
    path("administration/med-udvalg/ny/", views.committee_create, name="administration_committee_create"),
    path("administration/med-udvalg/<int:pk>/", views.committee_edit, name="administration_committee"),
    path("administration/indstillinger/", views.settings, name="administration_settings"),
]
