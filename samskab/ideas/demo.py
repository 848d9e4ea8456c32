"""This app's part of the demo municipality, loaded after the rest of it (see samskab/core/demo.py).

Nothing to add: the list of ideas fills itself. The erfaringsbank's demo forløb at Børnehuset
Solsikken (samskab/bank/demo.py) approves a referat whose transfer board has a card in the column
"new workflows or challenges we could take on", and approving it puts that card on the list
(samskab/ideas/collect.py); its hidden card stays off. The forløb at Hjemmeplejen Nord gets no
decision here, so that the tests that read its round find it as the demo leaves it.
"""

from datetime import date


def load(today: date) -> None:
    pass
