"""Where a workshop's changes are announced to everyone following it.

Every write that changes what participants or the projector see calls `changed(workshop_id)`
once its transaction has committed (`transaction.on_commit`). For now nobody listens: the
projector and the phones poll. Live pushes over WebSockets hook in here: number the change in
the workshop's sequence, coalesce changes for up to 100 ms, and fan out to the sockets held in
this process (and, with REDIS_URL, to the other processes through one pub/sub subscription
each). Clients that see a gap in the sequence fetch the state again.
"""


def changed(workshop_id: int) -> None:
    """The workshop's cards, votes or ratings have changed."""
