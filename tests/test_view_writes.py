"""No view module writes to the database itself: writes live in `<app>/services.py`.

The rule, as this test reads it in every `views.py` and `views/*.py` of the product:

- A call of `save`, `delete`, `create`, `get_or_create`, `update_or_create`, `bulk_create` or
  `bulk_update` on anything is a write.
- `update` is a write, unless it is called on a name the module fills with a dict (`{...}` or
  `dict(...)`): `context.update(...)` is not.
- `add`, `remove`, `set` and `clear` are writes when called on an attribute (a relation such as
  `workshop.facilitators.add(user)`), except on a form's `errors`.
- `save(commit=False)` of a form or formset writes nothing (it hands back the unsaved records),
  so it is not a write; saving what it handed back is.
- One write is allowed: a model form saving itself, `form.save()` (a name ending in `form`, no
  arguments). It stores exactly the fields of one record that the form has validated, which is
  plain editing, and django-simple-history takes the acting user from the request. Formsets, and
  anything that changes more than the form's own record, go to a service. The helpers in `core`
  that save a form's record once (`create_once`) or over the version it was shown with
  (`save_or_show_conflict`) count as that same plain editing.
"""

import ast
from pathlib import Path

import samskab

ALWAYS = {"save", "delete", "create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"}
ON_RELATIONS = {"add", "remove", "set", "clear"}
ROOT = Path(samskab.__file__).parent


def view_modules() -> list[Path]:
    return sorted([*ROOT.glob("*/views.py"), *ROOT.glob("*/views/*.py")])


def _dict_names(tree: ast.AST) -> set[str]:
    """Names the module assigns a dict to."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and (
            isinstance(node.value, (ast.Dict, ast.DictComp))
            or (isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) and node.value.func.id == "dict")
        ):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    return names


def _is_form_saving_itself(call: ast.Call) -> bool:
    receiver = call.func.value
    return isinstance(receiver, ast.Name) and receiver.id.endswith("form") and not call.args and not call.keywords


def _hands_back_unsaved(call: ast.Call) -> bool:
    return any(
        keyword.arg == "commit" and isinstance(keyword.value, ast.Constant) and keyword.value.value is False
        for keyword in call.keywords
    )


def _is_write(call: ast.Call, dict_names: set[str]) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    method, receiver = call.func.attr, call.func.value
    if method == "save" and (_is_form_saving_itself(call) or _hands_back_unsaved(call)):
        return False
    if method in ALWAYS:
        return True
    if method == "update":
        return not (isinstance(receiver, ast.Name) and receiver.id in dict_names)
    if method in ON_RELATIONS:
        return isinstance(receiver, ast.Attribute) and receiver.attr != "errors"
    return False


def writes_in(source: str) -> list[tuple[int, str]]:
    """(line, call) of every ORM write in a module's source."""
    tree = ast.parse(source)
    dict_names = _dict_names(tree)
    found = [
        (node.lineno, ast.unparse(node.func))
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _is_write(node, dict_names)
    ]
    return sorted(found)


def test_no_view_module_writes_to_the_database():
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}: {call}(...)"
        for path in view_modules()
        for line, call in writes_in(path.read_text())
    ]
    assert not found, "move these writes into the app's services.py:\n" + "\n".join(found)


def form_modules() -> list[Path]:
    return sorted([*ROOT.glob("*/forms.py"), *ROOT.glob("*/*_forms.py")])


def test_no_form_module_writes_to_the_database():
    """A form validates; a model form may save its own record (`super().save`), nothing more."""
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}: {call}(...)"
        for path in form_modules()
        for line, call in writes_in(path.read_text())
        if call != "super().save" and not call.endswith(".attrs.update")  # a widget's HTML attributes
    ]
    assert form_modules() and not found, "move these writes into the app's services.py:\n" + "\n".join(found)


def test_it_finds_every_kind_of_write():
    source = """
def view(request, form, formset, workshop, card, items):
    context = {"a": 1}
    context.update(b=2)
    form.errors.clear()
    form.save()
    card.save(update_fields=["hidden"])
    form.save(commit=False)
    formset.save()
    Card.objects.create(text="x")
    Card.objects.filter(pk=1).update(hidden=True)
    items.update(hidden=True)
    workshop.facilitators.add(request.user)
    Attendance.objects.filter(pk=1).delete()
    Attendance.objects.update_or_create(pk=1)
    AgendaItem.objects.bulk_update(items, ["order"])
"""
    lines = [line for line, _call in writes_in(source)]
    assert lines == [7, 9, 10, 11, 12, 13, 14, 15, 16]


def test_view_modules_are_found():
    names = {str(path.relative_to(ROOT)) for path in view_modules()}
    assert {"bank/views.py", "workshops/views/run.py"} <= names
