from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.translation import get_language

from portal.scripts import integrity

register = template.Library()


@register.simple_tag
def script(path: str):
    """``<script src defer integrity>`` for one of the portal's static scripts."""
    return format_html(
        '<script src="{}" integrity="{}" defer></script>', static(path), integrity(path)
    )


@register.filter
def day(value) -> str:
    """``value|date:"DATE_FORMAT"`` in the reader's time zone, formatted once per day and
    language: a page of saved posts shows a date per card, each request."""
    return _formatted_day(get_language(), timezone.localtime(value).date())


@lru_cache(maxsize=1024)
def _formatted_day(language: str, local_day) -> str:
    return formats.date_format(local_day, "DATE_FORMAT")


@register.filter
def machine_time(value) -> str:
    """``value|date:"Y-m-d\\TH:i:sO"`` for a <time datetime>, without the template formatter."""
    return timezone.localtime(value).strftime("%Y-%m-%dT%H:%M:%S%z")
