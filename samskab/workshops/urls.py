from django.urls import path

from samskab.workshops.views import preparation, rounds, run

urlpatterns = [
    path("forloeb/<int:pk>/runder/ny/", rounds.round_start, name="round_start"),
    path("runder/<int:pk>/", rounds.round_detail, name="round"),
    path("runder/<int:pk>/afslut/", rounds.round_close, name="round_close"),
    path("runder/<int:pk>/workshop/ny/", rounds.workshop_create, name="workshop_create"),
    path("workshops/<int:pk>/", preparation.workshop_detail, name="workshop"),
    path("workshops/<int:pk>/rediger/", preparation.workshop_edit, name="workshop_edit"),
    path("workshops/<int:pk>/fremmoede/", preparation.attendance, name="attendance"),
    path("workshops/<int:pk>/sektioner/ny/", preparation.section_create, name="section_create"),
    path("sektioner/<int:pk>/rediger/", preparation.section_edit, name="section_edit"),
    path("sektioner/<int:pk>/flyt/", preparation.section_move, name="section_move"),
    path("sektioner/<int:pk>/slet/", preparation.section_delete, name="section_delete"),
    path("workshops/<int:pk>/afvikl/", run.run, name="workshop_run"),
    path("workshops/<int:pk>/status/", run.workshop_status, name="workshop_status"),
    path("workshops/<int:pk>/projektor/", run.projector, name="projector"),
    path("sektioner/<int:pk>/vis/", run.section_show, name="section_show"),
    path("sektioner/<int:pk>/fase/", run.section_phase, name="section_phase"),
    path("kort/<int:pk>/skjul/", run.card_hide, name="card_hide"),
]
