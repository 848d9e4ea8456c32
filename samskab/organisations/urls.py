from django.urls import path

from samskab.organisations import views

urlpatterns = [
    path("enheder/", views.units, name="units"),
    path("enheder/<int:pk>/", views.unit_detail, name="unit"),
]
