from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samskab.core.forms import CleanTextModelForm
from samskab.rounds.models import EvaluationRound


@admin.register(EvaluationRound)
class EvaluationRoundAdmin(SimpleHistoryAdmin):
    form = CleanTextModelForm
    list_display = ["process", "number", "status", "opened_on", "closed_on"]
    list_filter = ["status"]
