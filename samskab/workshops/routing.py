"""WebSocket addresses of live workshops (samskab/asgi.py routes "websocket" here).

The phone's socket is also served under /w/, where the attendee cookie is sent (its path is
/w/), so a browser uses /w/<code>/ws/; /ws/w/<code>/ is the same socket for clients that send
the cookie themselves.
"""

from django.urls import path

from samskab.workshops.consumers import FacilitatorConsumer, RoomConsumer

websocket_urlpatterns = [
    path("ws/w/<str:code>/", RoomConsumer.as_asgi()),
    path("w/<str:code>/ws/", RoomConsumer.as_asgi()),
    path("ws/workshops/<int:pk>/", FacilitatorConsumer.as_asgi()),
]
