"""What apps above may listen for: an action of a round changed from its edit form.

Sent by `services.action_change` inside the transaction that saved it, with `action`; the
workshops app shows an aftale's change on the workshop's screens.
"""

from django.dispatch import Signal

action_changed = Signal()
