from django.urls import path

from samskab.reports import round_page, views

app_name = "reports"

urlpatterns = [
    path("runder/<int:pk>/", round_page.round_detail, name="round"),
    path("runder/<int:pk>/afrapportering/", views.round_report, name="round_report"),
    path("runder/<int:pk>/afrapportering/godkend/", views.round_report_approve, name="round_report_approve"),
    path("runder/<int:pk>/afrapportering/kladde/", views.round_report_reopen, name="round_report_reopen"),
    path("runder/<int:pk>/afrapportering/word/", views.round_report_docx, name="round_report_docx"),
    path("runder/<int:pk>/afrapportering/pdf/", views.round_report_pdf, name="round_report_pdf"),
    path("runder/<int:pk>/afrapportering/version/<int:number>/", views.round_report_version, name="round_report_version"),
    path(
        "runder/<int:pk>/afrapportering/version/<int:number>/word/",
        views.round_report_version_docx,
        name="round_report_version_docx",
    ),
    path(
        "runder/<int:pk>/afrapportering/version/<int:number>/pdf/",
        views.round_report_version_pdf,
        name="round_report_version_pdf",
    ),
]
