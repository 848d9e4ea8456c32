"""No IP address reaches a log: a filter for every logger that could write one.

The ASGI server (uvicorn) logs each WebSocket it opens with the client's address and port, also
with `--no-access-log`; a log line with an address and a time could be matched to an anonymous
workshop's card. settings.LOGGING puts this filter on uvicorn's server logger and on Django's
console handler, so the address is written as "-" wherever it would have been.
"""

import logging
import re

# IPv4 (with an optional port), and IPv6 written with "::" or at least three colons (so that a
# time of day such as 12:30:45 is left alone), in brackets or not, with an optional port.
ADDRESS = re.compile(
    r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b"
    r"|\[?[0-9A-Fa-f:]*::[0-9A-Fa-f:]*\]?(?::\d{1,5})?"
    r"|\[?\b(?:[0-9A-Fa-f]{1,4}:){3,7}[0-9A-Fa-f]{1,4}\b\]?(?::\d{1,5})?"
)


def without_addresses(value):
    return ADDRESS.sub("-", value) if isinstance(value, str) else value


class WithoutAddresses(logging.Filter):
    """Writes "-" for every IP address in a record's message and its arguments; drops no record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = without_addresses(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(without_addresses(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: without_addresses(value) for key, value in record.args.items()}
        return True
