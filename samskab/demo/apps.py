from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo Kommune, the synthetic municipality and their commands: on top of every app, imported by none."""

    name = "samskab.demo"
