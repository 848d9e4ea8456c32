""""Brug hos os", read: the forløb an item could be used in, and the units it has spread to.

The copy itself is made by `services.bank_item_adopt`.
"""

from samskab.bank.models import BankItem
from samskab.organisations.models import Unit
from samskab.processes.access import Access, process_access, visible_processes
from samskab.processes.models import Process


def target_processes(user, item: BankItem) -> list[Process]:
    """The forløb of the item's municipality that `user` edits, where the item could be used (not its own)."""
    processes = (
        visible_processes(user)
        .filter(unit__organisation_id=item.organisation_id)
        .exclude(pk=item.process_id)
        .select_related("unit")
        .order_by("unit__name", "title")
    )
    return [process for process in processes if process_access(user, process) >= Access.EDIT]


def spread(item: BankItem) -> list[Unit]:
    """The units the item has been used in, by name."""
    return list(Unit.objects.filter(processes__adoptions__item=item).distinct().order_by("name"))
