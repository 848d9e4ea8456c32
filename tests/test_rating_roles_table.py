"""The run page's ratings by role: a column only for the roles that answered, a dash where a group is
hidden, and the reasons said once under the table (not "Skjult" in every cell)."""

import uuid

from django.urls import reverse

from samskab.workshops import ratings
from samskab.workshops.models import Attendee, Rating, SectionKind, WorkshopStatus
from tests.helpers import html


def test_the_role_table_is_compact_and_says_once_why_a_group_is_hidden(demo, client_as):
    workshop = demo.rounds.get().workshop
    section = workshop.sections.get(kind=SectionKind.RATING)
    workshop.status, workshop.current_section = WorkshopStatus.RUNNING, section
    workshop.save()
    for statement in section.statements.all():
        for role, values in (("medarbejder", [5, 5, 4, 4, 4, 2]), ("", [3, 3, 3, 3, 3]), ("leder", [1])):
            for value in values:
                attendee = Attendee.objects.create(workshop=workshop, role=role)
                Rating.objects.create(client_id=uuid.uuid4(), statement=statement, attendee=attendee, value=value)
    section.locked = True
    section.save(update_fields=["locked"])
    ratings.publish(section)
    page = html(client_as("konsulent").get(reverse("workshops:workshop_run", args=[workshop.pk])))
    table = page.split('id="ratings-by-role"')[1].split("</table>")[0]
    headers = table.split("<thead>")[1].split("</thead>")[0]
    assert "Leder" in headers and "Medarbejder" in headers and "Ikke oplyst" in headers
    assert "Tillidsrepræsentant" not in headers and "AMR" not in headers  # nobody in those roles answered
    assert "Skjult" not in table
    statements = section.statements.count()
    assert table.count('<span aria-hidden="true">–</span>') == 2 * statements  # the leder, and those not stated with it
    legend = page.split('id="ratings-by-role-hidden"')[1].split("</div>")[0]
    assert legend.count("<li>") == 2 and "færre end 5 i rollen har svaret" in legend
