from django import template

from ..desk import desk_for

register = template.Library()


@register.inclusion_tag("admin/desk.html", takes_context=True)
def editorial_desk(context):
    return desk_for(context["request"].user)
