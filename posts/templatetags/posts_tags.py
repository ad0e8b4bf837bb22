import json

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.absolute import absolute_url

from ..multilingual import topic_names
from ..sharing import shared_image
from ..trending import trending_topics

register = template.Library()

# Inside <script> only "<", ">" and "&" can end the element or start markup;
# as \u escapes they stay the same JSON value.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.inclusion_tag("includes/trending_panel.html")
def trending_panel(limit: int = 8):
    """The side panel of list pages; cached, so it costs at most one query."""
    return {"topics": trending_topics(limit)}


@register.simple_tag(takes_context=True)
def article_json_ld(context, post):
    """schema.org Article metadata for a post, as a JSON-LD data block.

    Uses only what the post page already loaded (authors and topics are prefetched).
    """
    request = context["request"]
    url = absolute_url(post.get_absolute_url(), request)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": post.title,
        "description": post.description,
        "datePublished": post.published_at.isoformat(),
        "dateModified": post.updated_at.isoformat(),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                "url": absolute_url(author.get_absolute_url(), request),
            }
            for author in post.ordered_authors
        ],
        "keywords": [topic.name for topic in post.tags.all()],
        "url": url,
        "mainEntityOfPage": url,
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "logo": absolute_url(static("img/logo.svg"), request),
        },
    }
    shared = shared_image(post, request)
    data["image"] = {
        "@type": "ImageObject",
        "url": shared.url,
        "width": shared.width,
        "height": shared.height,
    }
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def post_contents(post):
    """(body with heading ids, contents entries) for a post page; see posts.contents."""
    from ..contents import with_contents

    return with_contents(post.body)


@register.inclusion_tag("posts/includes/related.html")
def related_posts(post):
    """More on this topic: up to four posts sharing topics or authors (one query)."""
    from ..related import related_to

    return {"related": related_to(post)}


@register.filter
def topic_name(topic) -> str:
    """A topic's name in the reader's language, if an editor gave one."""
    return topic_names().get(topic.slug, topic.name)


@register.simple_tag(takes_context=True)
def post_alternates(context, post, translations) -> list[dict]:
    """hreflang links of a post: it and its published translations, each in its own
    language; x-default is the English one, else the original."""
    request = context["request"]
    posts = [post, *translations] if post.is_published else []
    links = [
        {"code": p.language, "href": absolute_url(p.get_own_language_url(), request)} for p in posts
    ]
    if links:
        default = next((p for p in posts if p.language == settings.LANGUAGE_CODE), None)
        default = default or next((p for p in posts if p.pk == post.translation_group_id), post)
        href = absolute_url(default.get_own_language_url(), request)
        links.append({"code": "x-default", "href": href})
    return links
