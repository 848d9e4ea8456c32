"""Starting a forløb from an idea: one write across the idea and the new forløb."""

from django.db import transaction
from django.utils import timezone

from samskab.ideas.models import Idea, IdeaStatus
from samskab.processes.models import Process
from samskab.processes.services import process_create


@transaction.atomic
def idea_start(*, idea: Idea, process: Process, by) -> tuple[Process, bool]:
    """Create `process` (step 1) and link it to `idea`. A second submit returns the forløb already
    started from the idea (and False), so one idea never starts two forløb by accident."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if idea.started_process is not None:
        return idea.started_process, False
    process_create(process=process, by=by)
    idea.started_process = process
    idea.status = IdeaStatus.STARTED
    idea.triaged_by = by
    idea.triaged_at = timezone.now()
    idea.version += 1
    idea.save()
    return process, True
