"""Events told by a request's page and its answer, recorded in one place:

- a download or export (a page whose URL name ends in one of DOWNLOAD_SUFFIXES, answered 200);
- a refusal of access to an object (a page with an object in its URL answering 404 or 403 to a
  signed-in person: the access functions' `get_<model>_for_user` refusals);
- a changed setting (a POST to one of SETTINGS_PAGES answered with a redirect: saved);
- the code step of a sign-in (a POST to the code page answered with a redirect).

It also keeps the request at hand for the receivers of model signals (services.current_request).
"""

from samskab.audit.models import Kind
from samskab.audit.services import audit_record, current_request

DOWNLOAD_SUFFIXES = ("_docx", "_pdf", "_xlsx", "_ics", "_export")
SETTINGS_PAGES = (
    "administration_settings",
    "sign_in_settings",
    "role_mappings",
    "role_mapping_remove",
    "privacy_retention",
)
CODE_STEP = "totp_verify"
NOT_SENT = {"csrfmiddlewaretoken"}


def _event_of(request, response) -> tuple[str, dict] | None:
    match = request.resolver_match
    if match is None or not request.user.is_authenticated:
        return None
    name, status = match.url_name or "", response.status_code
    page = {"page": name, **{key: str(value) for key, value in match.kwargs.items()}}
    if request.method == "GET" and status == 200 and name.endswith(DOWNLOAD_SUFFIXES):
        return Kind.DOWNLOAD, page
    if status in (403, 404) and match.kwargs:
        return Kind.ACCESS_REFUSED, page
    if request.method == "POST" and status == 302:
        if name in SETTINGS_PAGES:
            return Kind.SETTINGS_CHANGED, {**page, "fields": sorted(set(request.POST) - NOT_SENT)}
        if name == CODE_STEP:
            return Kind.SIGN_IN, {**page, "method": "totp"}
    return None


def audit_trail(get_response):
    def middleware(request):
        token = current_request.set(request)
        try:
            response = get_response(request)
            event = _event_of(request, response)
            if event:
                kind, details = event
                audit_record(kind=kind, request=request, text=request.path, details=details)
            return response
        finally:
            current_request.reset(token)

    return middleware
