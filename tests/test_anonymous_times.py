"""Times on anonymous rows are kept to the hour: a time to the microsecond could be matched with
another record (a proxy's log, a colleague's watch) to tell who wrote a card."""

from django.test import Client

from samskab.core.fields import to_the_hour
from samskab.workshops.models import Card
from tests.phone_helpers import JSON, card_data, demo_workshop, join, phone_url, run


def _to_the_hour(moment) -> bool:
    return moment == to_the_hour(moment) and (moment.minute, moment.second, moment.microsecond) == (0, 0, 0)


def test_a_phones_join_and_card_are_stored_with_times_to_the_hour(demo):
    workshop = demo_workshop(demo)
    section = run(workshop)
    phone = Client()
    attendee = join(phone, workshop)
    response = phone.post(phone_url(workshop, "kort"), card_data(section, "Skemaerne fylder"), **JSON)
    assert response.status_code in (200, 201), response.content[:300]
    card = Card.objects.get(text="Skemaerne fylder")
    attendee.refresh_from_db()
    assert _to_the_hour(attendee.joined_at)
    assert _to_the_hour(card.created_at) and _to_the_hour(card.updated_at)
