from django.urls import path

from samskab.anchoring.views import check, measures

app_name = "anchoring"

urlpatterns = [
    path("forloeb/<int:pk>/forankring/", measures.anchoring, name="anchoring"),
    path("forloeb/<int:pk>/forankring/ny/", measures.measure_create, name="anchoring_measure_create"),
    path("forankringstiltag/<int:pk>/rediger/", measures.measure_edit, name="anchoring_measure_edit"),
    path("forankringstiltag/<int:pk>/slet/", measures.measure_delete, name="anchoring_measure_delete"),
    path("runder/<int:pk>/forankringstjek/", check.check, name="anchoring_check"),
    path("runder/<int:pk>/forankringstjek/rediger/", check.check_edit, name="anchoring_check_edit"),
    path("runder/<int:pk>/forankringstjek/fra-workshop/", check.check_from_workshop, name="anchoring_check_from_workshop"),
    path(
        "runder/<int:pk>/forankringstjek/<slug:key>/handling/",
        check.suggestion_accept,
        name="anchoring_suggestion_accept",
    ),
]
