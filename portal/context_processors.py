from django.conf import settings
from django.utils.functional import SimpleLazyObject

from posts import search

from .languages import alternates
from .theme import chosen_theme


def site(request):
    """The site's name for the header, titles and metadata, the search box's limit,
    the reader's chosen theme ("" follows the system) and where to write to the portal."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SEARCH_MAX_LENGTH": search.MAX_QUERY_LENGTH,
        "THEME": chosen_theme(request),
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
    }


def languages(request):
    """This page in every language (switcher, hreflang), worked out only if a template asks."""
    return {"language_links": SimpleLazyObject(lambda: alternates(request))}
