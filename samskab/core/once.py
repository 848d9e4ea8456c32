from collections.abc import Callable
from typing import TypeVar

from django.db import IntegrityError, models, transaction

M = TypeVar("M", bound=models.Model)


def _save(instance: M) -> M:
    instance.save()
    return instance


def create_once(form, save: Callable[[M], M] = _save) -> M:
    """Create the form's record once: a repeated submission of the same form returns the first record.

    `save` stores the new instance (a service function, when the write spans several records).
    """
    model = form._meta.model
    submission_id = form.submission_id()
    existing = model.objects.filter(submission_id=submission_id).first()
    if existing is not None:
        return existing
    instance = form.save(commit=False)
    instance.submission_id = submission_id
    try:
        with transaction.atomic():
            return save(instance)
    except IntegrityError:
        existing = model.objects.filter(submission_id=submission_id).first()
        if existing is None:
            raise
        return existing
