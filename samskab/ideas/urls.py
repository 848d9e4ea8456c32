from django.urls import path

from samskab.ideas import views

app_name = "ideas"

urlpatterns = [
    path("ideer/", views.idea_list, name="idea_list"),
    path("ideer/<int:pk>/vurder/", views.idea_triage, name="idea_triage"),
    path("ideer/<int:pk>/start-forloeb/", views.idea_start, name="idea_start"),
]
