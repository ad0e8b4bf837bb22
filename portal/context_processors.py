from django.conf import settings
from django.utils.functional import SimpleLazyObject

from posts import search

from .languages import alternates


def site(request):
    """The site's name for the header, titles and metadata, and the search box's limit."""
    return {"SITE_NAME": settings.SITE_NAME, "SEARCH_MAX_LENGTH": search.MAX_QUERY_LENGTH}


def languages(request):
    """This page in every language (switcher, hreflang), worked out only if a template asks."""
    return {"language_links": SimpleLazyObject(lambda: alternates(request))}
