from django import template
from django.core.paginator import Paginator
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from ..forms import ReportForm
from ..models import Comment
from ..sections import section_context

register = template.Library()


@register.filter
def comment_text(text: str) -> str:
    """Plain text to safe HTML: everything escaped, http(s) URLs linked, line breaks kept."""
    linked = urlize(text, nofollow=True, autoescape=True)
    # urlize escaped the member's text, so its own quotes can never form this attribute.
    linked = linked.replace(' rel="nofollow"', ' rel="nofollow ugc noopener"')
    return mark_safe(linebreaks(linked, autoescape=False))


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, post):
    """The post page's Comments (N) section."""
    return section_context(context["request"], post, generation=context.get("generation"))


@register.simple_tag
def report_form_for(comment):
    return ReportForm.for_comment(comment)


PROFILE_COMMENTS_PER_PAGE = 10


@register.simple_tag(takes_context=True)
def member_comments(context):
    """The requesting member's comments, a page at a time (?your_comments=N on the profile)."""
    request = context["request"]
    comments = Comment.objects.of_member(request.user)
    return Paginator(comments, PROFILE_COMMENTS_PER_PAGE).get_page(request.GET.get("your_comments"))


@register.simple_tag
def pending_comment_count():
    return Comment.objects.pending().count()
