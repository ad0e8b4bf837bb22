from django.conf import settings


def site(request):
    """The site's name, for the header, titles and metadata; where to write to it."""
    return {"SITE_NAME": settings.SITE_NAME, "CONTACT_EMAIL": settings.CONTACT_EMAIL}
