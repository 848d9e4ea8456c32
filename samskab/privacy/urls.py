from django.urls import path

from samskab.privacy import views

app_name = "privacy"

urlpatterns = [
    path("privatliv/", views.privacy_index, name="privacy_index"),
    path("privatliv/<slug:slug>/", views.privacy, name="privacy"),
    path("administration/persondata/", views.retention, name="privacy_retention"),
    path("administration/persondata/personer/", views.people, name="privacy_people"),
    path("administration/persondata/personer/<int:pk>/slet/", views.erase, name="privacy_erase"),
    path("administration/persondata/personer/<int:pk>/eksport/", views.person_export, name="privacy_person_export"),
    path("konto/mine-data/", views.my_data, name="privacy_my_data"),
    path("konto/mine-data/eksport/", views.my_data_export, name="privacy_my_data_export"),
]
