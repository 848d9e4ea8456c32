"""A small HTTP server on 127.0.0.1, in a thread: where the test identity providers answer."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that does not print each request."""

    def log_message(self, *args) -> None:
        pass


class LocalServer:
    """Serves `handler` on a free port of 127.0.0.1 from a daemon thread, until stop()."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
