"""The network's part of Demo Kommune, loaded after the rest of it (see kommune.py).

The konsulent and the central konsulent are trained to facilitate; the konsulent is Hjemmeplejen's
contact consultant; one erfa-group meets, with the erfaringsbank's items on its agenda when the
bank's demo has made some.
"""

from datetime import date, timedelta

from samskab.accounts.models import User
from samskab.bank.models import BankItem
from samskab.network.models import AgendaItem, ContactConsultant, ErfaGroup, ErfaMeeting, TrainedFacilitator
from samskab.organisations.models import Organisation, Unit


def load(today: date) -> None:
    from samskab.demo.kommune import DEMO_SLUG  # kommune.py imports this module

    demo = Organisation.objects.get(slug=DEMO_SLUG)
    people = {user.username: user for user in User.objects.filter(organisation=demo)}
    TrainedFacilitator.objects.create(
        organisation=demo, user=people["konsulent"], trained_on=today - timedelta(days=400), note="Fremfærds forløb om samskabt styring"
    )
    TrainedFacilitator.objects.create(
        organisation=demo, user=people["central"], trained_on=today - timedelta(days=700), note="Underviser nye facilitatorer"
    )
    ContactConsultant.objects.create(
        unit=Unit.objects.get(organisation=demo, name="Hjemmeplejen"), consultant=people["konsulent"]
    )

    group = ErfaGroup.objects.create(
        organisation=demo,
        name="Erfa-gruppe for samskabt styring",
        purpose="Facilitatorer og ambassadører deler erfaringer på tværs af forvaltningerne fire gange om året.",
    )
    group.members.add(people["konsulent"], people["central"], people["medarbejder"])
    meeting = ErfaMeeting.objects.create(
        group=group, date=today + timedelta(days=30), place="Rådhuset, mødelokale 3"
    )
    agenda = [AgendaItem(meeting=meeting, text="Velkommen og nyt fra forløbene", order=0)]
    shared = BankItem.objects.filter(organisation=demo, shared=True, listed=True).select_related("unit")[:2]
    for position, item in enumerate(shared, start=1):
        agenda.append(AgendaItem(meeting=meeting, bank_item=item, text=item.title[:500], order=position))
    AgendaItem.objects.bulk_create(agenda)
