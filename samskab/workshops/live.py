"""Where a workshop's changes are announced to everyone following it, live.

Every write that changes what participants, the projector or the run page see calls one of
these once its transaction has committed (`transaction.on_commit`):

- `card_saved(card)`, `card_removed(card)`, `vote_cast(vote)`, `ratings_changed(section)`: what
  changed, so that a phone can apply it without asking the server;
- `changed(workshop_id)`: anything else (phase, current section, lock, groups, status…): the
  clients fetch the state again. The event carries the phone page's `layout` (its fingerprint,
  the same for every phone of the workshop): a phone whose layout it is not fetches its page at
  once, without asking the state first.

Each event is numbered in the workshop's sequence and pushed over WebSockets by the process's
hub (live_hub.py; live_redis.py with REDIS_URL). The room (participants) never gets a hidden
card, nor a card's text before the section is shown ("vis"). A client that sees a gap in the
sequence, or reconnects, fetches the state again; `current_seq()` tells the state's number.
"""

import hashlib
import json

from django.conf import settings

from samskab.workshops import hot_reads
from samskab.workshops.live_hub import Hub
from samskab.workshops.models import Card, Phase, Section, Vote, Workshop, WorkshopStatus

# Phases in which participants see each other's card texts (the same as the projector).
REVEALED = (Phase.SHOW, Phase.GROUP, Phase.VOTE, Phase.DISCUSS, Phase.CONCLUDE)

_hub: Hub | None = None


def hub() -> Hub:
    """This process's hub, made on first use from the settings."""
    global _hub
    if _hub is None:
        options = {
            "window": settings.LIVE_WINDOW_MS / 1000,
            "widest": settings.LIVE_WINDOW_MAX_MS / 1000,
            "queue_size": settings.LIVE_QUEUE_SIZE,
        }
        if settings.REDIS_URL:
            from samskab.workshops.live_redis import RedisHub

            _hub = RedisHub(url=settings.REDIS_URL, prefix=settings.LIVE_REDIS_PREFIX, **options)
        else:
            _hub = Hub(**options)
    return _hub


def current_seq(workshop_id: int) -> int:
    """Read this BEFORE reading the state: then the state includes every change up to the number."""
    return hub().current_seq(workshop_id)


def layout(workshop: Workshop, section: Section | None) -> str:
    """What decides the phone page's layout (the section shown, its phase, lock, timer…), as a short hash.

    `section` is the one the phones show: the workshop's current one while it runs, else none.
    """
    parts = [workshop.status, workshop.votes_per_participant]
    if section is not None:
        parts += [section.pk, section.kind, section.phase, section.locked, section.title, section.intro, section.phase_ends_at]
    return hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:16]


def _layout_now(workshop_id: int) -> str:
    workshop = Workshop.objects.select_related("current_section").filter(pk=workshop_id).first()
    if workshop is None:
        return ""
    running = workshop.status == WorkshopStatus.RUNNING
    return layout(workshop, workshop.current_section if running else None)


def changed(workshop_id: int) -> None:
    """Something changed that the clients must fetch again: phase, section, lock, groups, status…

    Read once here, the layout spares each phone a state request when its page must change anyway.
    A later read than the change's own is harmless: the page a phone then fetches is the newest.
    """
    hub().publish(workshop_id, {"type": "changed", "layout": _layout_now(workshop_id)})


def _removed(card: Card) -> dict:
    return {"type": "card_removed", "section": card.section_id, "id": str(card.client_id)}


def card_saved(card: Card, *, votes: int | None = None) -> None:
    """A card was added, edited, moved, grouped, hidden or shown again."""
    if votes is None:
        votes = hot_reads.votes_on(card.pk)
    event = {
        "type": "card",
        "section": card.section_id,
        "id": str(card.client_id),
        "text": card.text,
        "column": card.column_id,
        "theme": card.theme_id,
        "group": card.group_id,
        "votes": votes,
        "hidden": card.hidden,
    }
    if card.hidden:
        room_event = _removed(card)
    elif card.section.phase in REVEALED:
        room_event = event
    else:
        room_event = {**event, "text": None}
    hub().publish(card.section.workshop_id, event, room_event)


def card_removed(card: Card) -> None:
    hub().publish(card.section.workshop_id, _removed(card))


def vote_cast(vote: Vote, *, votes: int | None = None) -> None:
    """A vote was cast or taken back; `votes`, the card's votes now, is counted here unless given."""
    card = vote.card
    if votes is None:
        votes = hot_reads.votes_on(card.pk)
    event = {
        "type": "vote",
        "section": card.section_id,
        "card": str(card.client_id),
        "id": str(vote.client_id),
        "votes": votes,
    }
    hub().publish(card.section.workshop_id, event)


def ratings_changed(section: Section) -> None:
    hub().publish(section.workshop_id, {"type": "ratings", "section": section.pk})
