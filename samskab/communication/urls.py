from django.urls import path

from samskab.communication import views

app_name = "communication"

urlpatterns = [
    path("runder/<int:pk>/kommunikation/", views.plan, name="communication"),
    path("runder/<int:pk>/kommunikation/ny/", views.row_create, name="communication_row_create"),
    path("kommunikation/<int:pk>/rediger/", views.row_edit, name="communication_row_edit"),
    path("kommunikation/<int:pk>/slet/", views.row_delete, name="communication_row_delete"),
    path("kommunikation/<int:pk>/handling/", views.row_action, name="communication_row_action"),
]
