from django.conf import settings


def site(request):
    """The site's name, for the header, titles and metadata."""
    return {"SITE_NAME": settings.SITE_NAME}
