from django.urls import path

from samskab.anchoring import views

urlpatterns = [
    path("forloeb/<int:pk>/forankring/", views.anchoring, name="anchoring"),
    path("forloeb/<int:pk>/forankring/ny/", views.measure_create, name="anchoring_measure_create"),
    path("forankringstiltag/<int:pk>/rediger/", views.measure_edit, name="anchoring_measure_edit"),
    path("forankringstiltag/<int:pk>/slet/", views.measure_delete, name="anchoring_measure_delete"),
]
