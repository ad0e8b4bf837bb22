from django.conf import settings
from django.utils.functional import SimpleLazyObject

from posts import search

from .languages import alternates


def site(request):
    """The site's name for the header, titles and metadata, the search box's limit,
    and where to write to the portal."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SEARCH_MAX_LENGTH": search.MAX_QUERY_LENGTH,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
    }


def languages(request):
    """This page in every language (switcher, hreflang), worked out only if a template asks."""
    return {"language_links": SimpleLazyObject(lambda: alternates(request))}
