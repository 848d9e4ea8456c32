"""What apps above processes may listen for, so that processes need not import them.

`solution_shown` is sent while a solution's page is made, with `solution` and `user` (the reader):
a receiver returns a dict of more for the page (the erfaringsbank adds the item the solution was
copied from), or None.
"""

from django.dispatch import Signal

solution_shown = Signal()
