from django.urls import path

from samskab.actionplan import views

app_name = "actionplan"

urlpatterns = [
    path("mine-handlinger/", views.my_actions, name="my_actions"),
    path("runder/<int:pk>/handlingsplan/", views.round_plan, name="round_plan"),
    path("runder/<int:pk>/handlingsplan.xlsx", views.round_plan_xlsx, name="round_plan_xlsx"),
    path("runder/<int:pk>/handlingsplan/ny/", views.action_create, name="plan_action_create"),
    path("forloeb/<int:pk>/handlingsplan/", views.process_plan, name="process_plan"),
    path("forloeb/<int:pk>/handlingsplan.xlsx", views.process_plan_xlsx, name="process_plan_xlsx"),
    path("forloeb/<int:pk>/evaluering.ics", views.evaluation_ics, name="evaluation_ics"),
    path("handlinger/<int:pk>/rediger/", views.action_edit, name="plan_action_edit"),
    path("handlinger/<int:pk>/slet/", views.action_delete, name="plan_action_delete"),
    path("handlinger/<int:pk>/kalender.ics", views.action_ics, name="action_ics"),
]
