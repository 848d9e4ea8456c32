"""Writing the audit trail: record an event, purge old ones, forget an erased person's name.

`audit_record` is the one way in. Apps above call it directly; the receivers and the middleware
of this app call it for sign-ins, refusals, downloads, role and settings changes. Within a
request the person and the address come from the request (see middleware.current_request).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from axes.helpers import get_client_ip_address
from django.db import connection, models, transaction
from django.db.models import Q

from samskab.audit.models import AuditEvent

# The request being answered, set by middleware.audit_trail: receivers of model signals find
# the acting person and the address there.
current_request: ContextVar = ContextVar("samskab_audit_request", default=None)

# The participants' anonymous paths (phones, joining): their address is never recorded.
ANONYMOUS_PATHS = ("/w/",)


def address_of(request) -> str | None:
    if request is None or request.path.startswith(ANONYMOUS_PATHS):
        return None
    return get_client_ip_address(request) or None


def _person(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def audit_record(
    *,
    kind: str,
    by=None,
    organisation=None,
    obj=None,
    text: str = "",
    details: dict | None = None,
    request=None,
    username: str | None = None,
) -> AuditEvent:
    """Record one event. `by` is the acting person (default: the request's), `obj` what it
    concerns (its type, id and `text`, or str(obj)), `organisation` the municipality (default:
    the acting person's)."""
    request = request if request is not None else current_request.get()
    if by is None and request is not None:
        by = getattr(request, "user", None)
    by = _person(by)
    if organisation is None and by is not None:
        organisation = by.organisation_id
    if isinstance(organisation, models.Model):
        organisation = organisation.pk
    return AuditEvent.objects.create(
        user=by,
        username=(username if username is not None else (by.get_username() if by else ""))[:150],
        kind=kind,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_text=(text or (str(obj) if obj is not None else ""))[:300],
        organisation_id=organisation,
        address=address_of(request),
        details=details or {},
    )


@contextmanager
def _rewriting():
    """The one transaction in which PostgreSQL's trigger lets audit events change."""
    postgres = connection.vendor == "postgresql"
    with transaction.atomic():
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('samskab.audit_rewrite', 'on', true)")
        yield
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SELECT set_config('samskab.audit_rewrite', 'off', true)")


def audit_purge(*, before) -> int:
    """Delete the events older than `before` (the retention purge); returns how many."""
    with _rewriting():
        count, _by_model = models.QuerySet.delete(AuditEvent.objects.filter(when__lt=before))
    return count


def audit_person_forget(*, user, replacement: str) -> int:
    """On erasure: the person's name, typed usernames and email in the trail become
    `replacement`; the events themselves stay. Returns how many events were changed."""
    names = {name for name in (user.get_username(), user.email, user.get_full_name()) if name}
    events = AuditEvent.objects.filter(Q(user=user) | Q(username__in=names))
    with _rewriting():
        changed = models.QuerySet.update(events, username=replacement)
        for name in names:
            changed += models.QuerySet.update(
                AuditEvent.objects.filter(object_text__contains=name), object_text=replacement
            )
    return changed
