from django.urls import path

from samskab.organisations import views

app_name = "organisations"

urlpatterns = [
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("enheder/", views.units, name="units"),
]
