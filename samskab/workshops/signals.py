"""What other apps may listen for: the referat approved, or made a draft again.

The erfaringsbank and the municipal list of ideas take what an approved referat holds, and
withdraw it while the referat is a draft again. Both signals are sent inside the transaction
that changes the referat, with `evaluation_round` as the keyword argument.
"""

from django.dispatch import Signal

minutes_approved = Signal()
minutes_reopened = Signal()
