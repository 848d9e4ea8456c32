"""Model fields shared by the apps."""

from django.db import models
from django.utils import timezone


def to_the_hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


class CoarseDateTimeField(models.DateTimeField):
    """A time kept only to the hour, for rows written anonymously in a workshop.

    A time to the microsecond could be matched against another record (a proxy's log, a camera,
    a colleague's watch) to tell who wrote a card. A room needs only the day; retention needs no
    more than the hour.
    """

    def pre_save(self, model_instance, add):
        if self.auto_now or (self.auto_now_add and add):
            value = to_the_hour(timezone.now())
            setattr(model_instance, self.attname, value)
            return value
        value = super().pre_save(model_instance, add)
        return to_the_hour(value) if value is not None else value
