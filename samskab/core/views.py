from django.http import HttpResponseServerError
from django.shortcuts import get_object_or_404, redirect, render
from django.template import loader
from django.views.decorators.http import require_GET

from samskab.organisations.models import Organisation


@require_GET
def privacy_index(request):
    """Public: the privacy page of the visitor's municipality, or a choice of municipality."""
    if request.user.is_authenticated and request.user.organisation_id:
        return redirect("privacy", slug=request.user.organisation.slug)
    return render(request, "core/privacy_index.html", {"organisations": Organisation.objects.all()})


@require_GET
def privacy(request, slug: str):
    """Public: "Sådan behandler vi dine data" for one municipality."""
    org = get_object_or_404(Organisation, slug=slug)
    return render(request, "core/privacy.html", {"org": org})


@require_GET
def accessibility(request):
    """Public: links to each municipality's accessibility statement (tilgængelighedserklæring)."""
    return render(request, "core/accessibility.html", {"organisations": Organisation.objects.all()})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request: whatever failed (the database, say) must not fail again here.
    return HttpResponseServerError(loader.get_template("500.html").render())


def csrf_failure(request, reason: str = ""):
    """A form that was open too long, or sent from elsewhere: say so in plain words, in the site's design."""
    return render(request, "403_csrf.html", status=403)
