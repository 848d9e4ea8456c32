from django.urls import path

from samskab.core import views

urlpatterns = [
    path("privatliv/", views.privacy_index, name="privacy_index"),
    path("privatliv/<slug:slug>/", views.privacy, name="privacy"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
]
