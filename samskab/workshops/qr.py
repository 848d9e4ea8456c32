from functools import lru_cache

import segno
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


@lru_cache(maxsize=128)
def _svg(url: str) -> str:
    # The projector's wall is drawn again on every change in the room: draw each address once.
    # A viewBox and no size: the projector's style sizes it to the screen.
    return segno.make(url, micro=False).svg_inline(scale=6, svgclass="samskab-qr", lineclass=None, omitsize=True)


def join_qr(url: str) -> SafeString:
    """The join address as an inline SVG QR code, named for screen readers (the address is shown beside it)."""
    label = _("QR code for %(url)s") % {"url": url}
    return format_html('<div role="img" aria-label="{}" class="samskab-qr-wrap">{}</div>', label, SafeString(_svg(url)))
