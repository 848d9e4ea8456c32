"""A request body above settings.MAX_REQUEST_BODY is refused before it is read, with a page saying why.

Through the ASGI application as uvicorn runs it: a 20 MiB upload used to be received in full
and only then refused by the import form. test_deploy.py sends one to a real server too.
"""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samskab.asgi import application

MiB = 1024 * 1024


class Upload:
    """An ASGI client sending a body in 1 MiB chunks, counting what the application read of it."""

    def __init__(self, size: int, declared: bool = True):
        self.size, self.declared, self.read = size, declared, 0
        self.status, self.body = None, b""

    async def receive(self):
        if self.read >= self.size:
            await asyncio.sleep(3600)  # the client stays until the answer has come
        chunk = min(MiB, self.size - self.read)
        self.read += chunk
        return {"type": "http.request", "body": b"x" * chunk, "more_body": self.read < self.size}

    async def send(self, message):
        if message["type"] == "http.response.start":
            self.status = message["status"]
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")

    def post(self, path: str):
        headers = [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/octet-stream")]
        if self.declared:
            headers.append((b"content-length", str(self.size).encode()))
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
            "path": path, "raw_path": path.encode(), "query_string": b"", "headers": headers,
            "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000),
        }  # fmt: skip
        async_to_sync(application)(scope, self.receive, self.send)
        return self


def test_a_body_declared_too_large_is_refused_without_reading_it():
    upload = Upload(20 * MiB).post("/log-ind/")
    assert upload.status == 413
    assert upload.read == 0
    assert "Filen er for stor" in upload.body.decode()


def test_a_chunked_body_is_read_only_up_to_the_limit(settings):
    upload = Upload(20 * MiB, declared=False).post("/log-ind/")
    assert upload.status == 413
    assert upload.read <= settings.MAX_REQUEST_BODY + MiB


def test_a_body_within_the_limit_reaches_the_page(settings):
    upload = Upload(MiB).post("/log-ind/")
    assert upload.status == 403  # the login form's CSRF check: the body got through to Django
    assert upload.read == MiB


@pytest.mark.django_db
def test_an_excel_import_above_the_limit_gets_a_danish_page_saying_why(demo, client_as, settings):
    settings.MAX_REQUEST_BODY = 2 * MiB
    big = SimpleUploadedFile("forloeb.xlsx", b"x" * (3 * MiB))
    response = client_as("leder").post(reverse("processes:process_import", args=[demo.pk]), {"file": big})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Filen er for stor" in page and "2,0" in page  # the limit, as the page states it
    assert "default-src 'self'" in response["Content-Security-Policy"]
