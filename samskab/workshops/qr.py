import segno
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


def join_qr(url: str) -> SafeString:
    """The join address as an inline SVG QR code, named for screen readers (the address is shown beside it)."""
    svg = segno.make(url, micro=False).svg_inline(scale=6, svgclass="samskab-qr", lineclass=None, omitsize=False)
    label = _("QR code for %(url)s") % {"url": url}
    return format_html('<div role="img" aria-label="{}" class="samskab-qr-wrap">{}</div>', label, SafeString(svg))
