from django.urls import path

from samskab.processes.views import challenges, imports, measurements, participants, processes, solutions, units

app_name = "processes"

urlpatterns = [
    path("", processes.dashboard, name="dashboard"),
    path("enheder/<int:pk>/", units.unit_detail, name="unit"),
    path("enheder/<int:unit_pk>/forloeb/nyt/", processes.process_create, name="process_create"),
    path("forloeb/<int:pk>/", processes.process_detail, name="process"),
    path("forloeb/<int:pk>/rediger/", processes.process_edit, name="process_edit"),
    path("forloeb/<int:pk>/historik/", processes.process_history, name="process_history"),
    path("forloeb/<int:pk>/deltagere/", participants.participants, name="participants"),
    path(
        "forloeb/<int:pk>/deltagere/<int:participant_pk>/slet/",
        participants.participant_remove,
        name="participant_remove",
    ),
    path("forloeb/<int:pk>/import/", imports.process_import, name="process_import"),
    path("forloeb/<int:pk>/import/skabelon.xlsx", imports.import_template, name="import_template"),
    path(
        "forloeb/<int:pk>/deltagere/<int:participant_pk>/ambassadoer/",
        participants.participant_ambassador,
        name="participant_ambassador",
    ),
    path(
        "forloeb/<int:pk>/deltagere/<int:participant_pk>/fortaeller-om/",
        participants.participant_tells_about,
        name="network_participant_tells_about",
    ),
    path("forloeb/<int:process_pk>/udfordringer/ny/", challenges.challenge_create, name="challenge_create"),
    path("udfordringer/<int:pk>/", challenges.challenge_detail, name="challenge"),
    path("udfordringer/<int:pk>/rediger/", challenges.challenge_edit, name="challenge_edit"),
    path("udfordringer/<int:pk>/slet/", challenges.challenge_delete, name="challenge_delete"),
    path("udfordringer/<int:challenge_pk>/loesninger/ny/", solutions.solution_create, name="solution_create"),
    path("loesninger/<int:pk>/", solutions.solution_detail, name="solution"),
    path("loesninger/<int:pk>/rediger/", solutions.solution_edit, name="solution_edit"),
    path("loesninger/<int:pk>/slet/", solutions.solution_delete, name="solution_delete"),
    path("loesninger/<int:solution_pk>/opfoelgning/ny/", solutions.follow_up_create, name="follow_up_create"),
    path("opfoelgninger/<int:pk>/rediger/", solutions.follow_up_edit, name="follow_up_edit"),
    path("loesninger/<int:solution_pk>/indikatorer/ny/", measurements.indicator_create, name="indicator_create"),
    path("indikatorer/<int:pk>/rediger/", measurements.indicator_edit, name="indicator_edit"),
    path("indikatorer/<int:pk>/slet/", measurements.indicator_delete, name="indicator_delete"),
    path("indikatorer/<int:indicator_pk>/maalinger/ny/", measurements.measurement_create, name="measurement_create"),
    path("maalinger/<int:pk>/rediger/", measurements.measurement_edit, name="measurement_edit"),
    path("maalinger/<int:pk>/slet/", measurements.measurement_delete, name="measurement_delete"),
]
