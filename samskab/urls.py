from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("samskab.accounts.urls")),
    path("", include("samskab.signin.urls")),
    path("", include("samskab.organisations.urls")),
    path("", include("samskab.administration.urls")),
    path("", include("samskab.audit.urls")),
    path("", include("samskab.processes.urls")),
    path("", include("samskab.workshops.urls")),
    path("", include("samskab.anchoring.urls")),
    path("", include("samskab.decisions.urls")),
    path("", include("samskab.communication.urls")),
    path("", include("samskab.actionplan.urls")),
    path("", include("samskab.reports.urls")),
    path("", include("samskab.comparison.urls")),
    path("", include("samskab.bank.urls")),
    path("", include("samskab.portfolio.urls")),
    path("", include("samskab.ideas.urls")),
    path("", include("samskab.network.urls")),
    path("", include("samskab.privacy.urls")),
    path("i18n/sprog/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler403 = "samskab.core.views.permission_denied"
handler404 = "samskab.core.views.page_not_found"
handler500 = "samskab.core.views.server_error"
