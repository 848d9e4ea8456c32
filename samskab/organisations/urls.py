from django.urls import path

from samskab.organisations import views

urlpatterns = [
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("enheder/", views.units, name="units"),
]
