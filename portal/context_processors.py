from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .languages import alternates


def site(request):
    """The site's name, for the header, titles and metadata."""
    return {"SITE_NAME": settings.SITE_NAME}


def languages(request):
    """This page in every language (switcher, hreflang), worked out only if a template asks."""
    return {"language_links": SimpleLazyObject(lambda: alternates(request))}
