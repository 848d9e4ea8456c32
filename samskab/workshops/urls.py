from django.urls import path

from samskab.workshops.views import facilitation, join, minutes, phone, preparation, projector, rounds, run

app_name = "workshops"

urlpatterns = [
    path("forloeb/<int:pk>/runder/ny/", rounds.round_start, name="round_start"),
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
    path("workshops/<int:pk>/deltagelse/", run.workshop_joining, name="workshop_joining"),
    path("workshops/<int:pk>/projektor/", projector.projector, name="projector"),
    path("sektioner/<int:pk>/vis/", run.section_show, name="section_show"),
    path("sektioner/<int:pk>/fase/", run.section_phase, name="section_phase"),
    path("kort/<int:pk>/skjul/", run.card_hide, name="card_hide"),
    path("sektioner/<int:pk>/papirkort/", run.paper_card, name="paper_card"),
    path("workshops/<int:pk>/statusrunde/", run.status_challenge, name="status_challenge"),
    path(
        "workshops/<int:pk>/statusrunde/loesninger/<int:solution_pk>/", run.status_confirm, name="status_confirm"
    ),
    # Facilitation: groups, moderating cards, læringspunkter and aftaler (views/facilitation.py).
    path("sektioner/<int:pk>/grupper/ny/", facilitation.group_create, name="group_create"),
    path("grupper/<int:pk>/rediger/", facilitation.group_edit, name="group_edit"),
    path("grupper/<int:pk>/slet/", facilitation.group_delete, name="group_delete"),
    path("kort/<int:pk>/gruppe/", facilitation.card_group, name="card_group"),
    path("kort/<int:pk>/rediger/", facilitation.card_moderate, name="card_moderate"),
    path("kort/<int:pk>/saml/", facilitation.card_merge, name="card_merge"),
    path("kort/<int:pk>/loesninger/", facilitation.card_solutions, name="card_solutions"),
    path("sektioner/<int:pk>/laeringspunkter/ny/", facilitation.lesson_create, name="lesson_create"),
    path("laeringspunkter/<int:pk>/rediger/", facilitation.lesson_edit, name="lesson_edit"),
    path("laeringspunkter/<int:pk>/slet/", facilitation.lesson_delete, name="lesson_delete"),
    path("sektioner/<int:pk>/aftaler/ny/", facilitation.action_create, name="action_create"),
    path("aftaler/<int:pk>/rediger/", facilitation.action_edit, name="action_edit"),
    path("aftaler/<int:pk>/slet/", facilitation.action_delete, name="action_delete"),
    # The referat: the facilitators' draft, its approval, and the approved referat with its files.
    path("workshops/<int:pk>/referat/", minutes.minutes, name="minutes"),
    path("workshops/<int:pk>/referat/godkend/", minutes.minutes_approve, name="minutes_approve"),
    path("workshops/<int:pk>/referat/kladde/", minutes.minutes_reopen, name="minutes_reopen"),
    path("workshops/<int:pk>/referat/word/", minutes.minutes_docx, name="minutes_docx"),
    path("workshops/<int:pk>/referat/pdf/", minutes.minutes_pdf, name="minutes_pdf"),
    path("workshops/<int:pk>/referat/version/<int:number>/", minutes.minutes_version, name="minutes_version"),
    path("workshops/<int:pk>/referat/version/<int:number>/word/", minutes.minutes_version_docx, name="minutes_version_docx"),
    path("workshops/<int:pk>/referat/version/<int:number>/pdf/", minutes.minutes_version_pdf, name="minutes_version_pdf"),
    path("referat/kort/<int:pk>/skjul/", minutes.minutes_card_hide, name="minutes_card_hide"),
    # The participants' side: public join pages, then the phone page of someone who has joined.
    path("w/", join.join, name="join"),
    path("w/<str:code>/", join.join_code, name="join_code"),
    path("w/<str:code>/deltag/", phone.phone, name="phone"),
    path("w/<str:code>/tilstand/", phone.state, name="phone_state"),
    path("w/<str:code>/kort/", phone.card_add, name="phone_card_add"),
    path("w/<str:code>/kort/<uuid:card>/rediger/", phone.card_edit, name="phone_card_edit"),
    path("w/<str:code>/kort/<uuid:card>/slet/", phone.card_delete, name="phone_card_delete"),
    path("w/<str:code>/kort/<uuid:card>/stem/", phone.vote, name="phone_vote"),
    path("w/<str:code>/kort/<uuid:card>/stem/tilbage/", phone.vote_withdraw, name="phone_vote_withdraw"),
    path("w/<str:code>/vurderinger/", phone.ratings, name="phone_ratings"),
]
