"""The registry names a page by its URL name; Django reverses it inside its app's namespace."""

from functools import cache

from django.urls import URLResolver, get_resolver
from django.urls import reverse as django_reverse


@cache
def namespaces() -> dict[str, str]:
    """Each URL name and the namespace of the app that has it (URL names are unique across apps)."""
    found = {}
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace:
            for inner in pattern.url_patterns:
                if getattr(inner, "name", None):
                    found[inner.name] = pattern.namespace
    return found


def reverse(name: str, *args, **kwargs) -> str:
    """django.urls.reverse for a registry name: "card_hide" is reversed as "workshops:card_hide"."""
    if ":" not in name and name in namespaces():
        name = f"{namespaces()[name]}:{name}"
    return django_reverse(name, *args, **kwargs)
