from django.urls import path

from samskab.audit import views

app_name = "audit"

urlpatterns = [
    path("administration/revisionsspor/", views.trail, name="audit_trail"),
    path("administration/revisionsspor/revisionsspor.jsonl", views.trail_export, name="audit_trail_export"),
]
