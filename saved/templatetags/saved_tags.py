from django import template

from ..saving import pending_save as pending_save_of

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_save(context):
    """The post a logged-out visitor pressed Save on, waiting for them to log in or sign up."""
    return pending_save_of(context["request"])
