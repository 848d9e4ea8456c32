"""The municipality administrator's pages on personal data."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samskab.administration.access import municipality_admin_required
from samskab.privacy import services
from samskab.privacy.forms import RetentionPeriodsForm
from samskab.privacy.models import retention_for


@municipality_admin_required
def retention(request):
    form = RetentionPeriodsForm(request.POST or None, instance=retention_for(request.organisation))
    if request.method == "POST" and form.is_valid():
        services.retention_periods_save(periods=form.instance, by=request.user)
        messages.success(request, _("The retention periods were saved."))
        return redirect("privacy_retention")
    return render(request, "privacy/retention.html", {"form": form, "nav": "administration", "admin_nav": "retention"})
