"""This app's part of the demo municipality, loaded after the rest of it (see samskab/core/demo.py)."""

from datetime import date


def load(today: date) -> None:
    pass
