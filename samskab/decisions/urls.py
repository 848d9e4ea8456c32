from django.urls import path

from samskab.decisions import views

app_name = "decisions"

urlpatterns = [
    path("loesninger/<int:pk>/analyse/", views.solution_analysis, name="solution_analysis"),
    path("loesninger/<int:solution_pk>/beslutninger/ny/", views.decision_create, name="decision_create"),
    path("beslutninger/<int:pk>/rediger/", views.decision_edit, name="decision_edit"),
    path("runder/<int:pk>/beslutning/", views.process_decision, name="process_decision"),
    path("runder/<int:pk>/beslutninger/", views.round_decisions, name="round_decisions"),
]
