from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from portal.scripts import integrity

register = template.Library()


@register.simple_tag
def script(path: str):
    """``<script src defer integrity>`` for one of the portal's static scripts."""
    return format_html(
        '<script src="{}" integrity="{}" defer></script>', static(path), integrity(path)
    )
