"""Helpers for pages that write long tables as escaped HTML in Python (see processes/overview.py).

Reversing a URL and formatting a date through the template engine cost microseconds each; on a
table of hundreds of rows they dominate the page. These do the work once per page.
"""

from datetime import date

from django.urls import reverse
from django.utils.dates import MONTHS

PK_MARK = 987654321  # reversed once, then replaced by each row's pk


def url_maker(name: str):
    """A function pk → the URL of `name` for that pk, reversing only once."""
    pattern = reverse(name, args=[PK_MARK])
    return lambda pk: pattern.replace(str(PK_MARK), str(pk))


class LongDate:
    """Dates as the templates' "j. F Y" ("3. marts 2027"), with the month names translated once."""

    def __init__(self):
        self.months = [str(MONTHS[number]) for number in range(1, 13)]

    def __call__(self, day: date) -> str:
        return f"{day.day}. {self.months[day.month - 1]} {day.year}"
