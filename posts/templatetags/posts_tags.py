from django import template

from ..trending import trending_topics

register = template.Library()


@register.inclusion_tag("includes/trending_panel.html")
def trending_panel(limit: int = 8):
    """The side panel of list pages; cached, so it costs at most one query."""
    return {"topics": trending_topics(limit)}
