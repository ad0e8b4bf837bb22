from django.conf import settings

from posts import search


def site(request):
    """The site's name for the header, titles and metadata, and the search box's limit."""
    return {"SITE_NAME": settings.SITE_NAME, "SEARCH_MAX_LENGTH": search.MAX_QUERY_LENGTH}
