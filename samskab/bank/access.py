"""Views reach erfaringsbank items only through these functions.

Everybody in a municipality finds its shared items; an item kept inside its forløb is found only
by those who may see that forløb. Whether it is shared is decided by the forløb's editors.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from samskab.bank.adopt import target_processes
from samskab.bank.models import BankItem
from samskab.bank.search import items_for
from samskab.processes.access import Access, process_access
from samskab.processes.models import Process


def get_bank_item_for_user(user, pk: int, *, share: bool = False) -> BankItem:
    """An item `user` may find (404 otherwise: not shared with them, another municipality, withdrawn).

    With `share`, one whose sharing `user` decides (403 otherwise): an editor of its forløb.
    """
    item = items_for(user).select_related("unit", "process__unit", "round").filter(pk=pk).first()
    if item is None:
        raise Http404
    if share and process_access(user, item.process) < Access.EDIT:
        raise PermissionDenied
    return item


def get_bank_item_to_adopt(user, pk: int) -> tuple[BankItem, list[Process]]:
    """An item `user` may find, and the forløb they may use it in ("Brug hos os"; 403 with none)."""
    item = get_bank_item_for_user(user, pk)
    processes = target_processes(user, item)
    if not processes:
        raise PermissionDenied
    return item, processes
