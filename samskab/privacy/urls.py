from django.urls import path

from samskab.privacy import views

urlpatterns = [
    path("administration/persondata/", views.retention, name="privacy_retention"),
]
