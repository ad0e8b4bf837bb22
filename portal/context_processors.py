from django.conf import settings

from posts import search

from .theme import chosen_theme


def site(request):
    """The site's name for the header, titles and metadata, the search box's limit,
    and the reader's chosen theme ("" follows the system)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SEARCH_MAX_LENGTH": search.MAX_QUERY_LENGTH,
        "THEME": chosen_theme(request),
    }
