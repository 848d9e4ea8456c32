"""URLs for tests/test_request_lanes.py: pages that wait until the test lets them finish."""

import os
import threading

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

entered = threading.Semaphore(0)  # released once by each waiting view when it starts
release = threading.Event()


def waiting(request):
    """Holds its thread until the test sets `release` (a slow request of the phone lane)."""
    entered.release()
    release.wait(10)
    return HttpResponse(b"waited", content_type="text/plain")


def waiting_pdf(request):
    """The same, under a name of the slow lane (a document)."""
    return waiting(request)


def quick(request):
    return HttpResponse(b"quick", content_type="text/plain")


ran: list[str] = []  # the methods of the `noted` requests, in the order they ran


@csrf_exempt
def noted(request):
    ran.append(request.method)
    return HttpResponse(b"noted", content_type="text/plain")


def niceness(request):
    """The CPU priority of the thread running this request (0 normal, higher: less urgent)."""
    value = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    return HttpResponse(str(value).encode(), content_type="text/plain")


urlpatterns = [
    path("waiting/", waiting, name="test_waiting"),
    path("waiting.pdf", waiting_pdf, name="test_waiting_pdf"),
    path("quick/", quick, name="test_quick"),
    path("noted/", noted, name="test_noted"),
    path("niceness/", niceness, name="test_niceness"),
    path("niceness.xlsx", niceness, name="test_niceness_xlsx"),
]
