from django.urls import path

from samskab.privacy import views

urlpatterns = [
    path("administration/persondata/", views.retention, name="privacy_retention"),
    path("administration/persondata/personer/", views.people, name="privacy_people"),
    path("administration/persondata/personer/<int:pk>/slet/", views.erase, name="privacy_erase"),
]
