from django.urls import path

from samskab.network import views

app_name = "network"

urlpatterns = [
    path("ambassadoerer/", views.ambassadors, name="network_ambassadors"),
    path("konsulenter/", views.consultants, name="network_consultants"),
    path("konsulenter/uddannede/<int:pk>/slet/", views.facilitator_remove, name="network_facilitator_remove"),
    path("konsulenter/kontakt/<int:pk>/slet/", views.contact_remove, name="network_contact_remove"),
    path("erfagrupper/", views.groups, name="erfa_groups"),
    path("erfagrupper/ny/", views.group_create, name="erfa_group_create"),
    path("erfagrupper/<int:pk>/", views.group_detail, name="erfa_group"),
    path("erfagrupper/<int:pk>/rediger/", views.group_edit, name="erfa_group_edit"),
    path("erfagrupper/<int:pk>/moeder/ny/", views.meeting_create, name="erfa_meeting_create"),
    path("erfamoeder/<int:pk>/", views.meeting_detail, name="erfa_meeting"),
    path("erfamoeder/<int:pk>/rediger/", views.meeting_edit, name="erfa_meeting_edit"),
    path("erfamoeder/<int:pk>/dagsorden/tilfoej/", views.agenda_add, name="erfa_agenda_add"),
    path("erfamoeder/<int:pk>/referat.docx", views.meeting_docx, name="erfa_meeting_docx"),
    path("dagsordenpunkter/<int:pk>/slet/", views.agenda_remove, name="erfa_agenda_remove"),
    path("dagsordenpunkter/<int:pk>/flyt/", views.agenda_move, name="erfa_agenda_move"),
]
