from django import template
from django.utils.html import format_html

from ..redirects import is_safe_next

register = template.Library()


@register.simple_tag(takes_context=True)
def next_field(context):
    """The hidden `next` input of allauth's forms, only when it stays on this site.

    allauth checks `next` when the form is posted; not echoing a foreign one
    into the page at all is one step safer.
    """
    request = context["request"]
    value = request.POST.get("next") or request.GET.get("next")
    if not is_safe_next(request, value):
        return ""
    return format_html('<input type="hidden" name="next" value="{}">', value)
