"""Site-wide response rules that no single view should have to remember."""

from django.contrib.auth import SESSION_KEY
from django.utils.cache import patch_cache_control


def private_for_members(get_response):
    """Any page rendered for a signed-in member is for their browser only.

    Member pages show the member's name, email and lists; allauth's pages
    (email, password, sessions) set no cache headers of their own. A view
    that already decided (downloads, robots.txt) keeps its own header.
    Responses that never read the session (health checks, static files) are
    left alone and cost no query.
    """

    def middleware(request):
        response = get_response(request)
        session = getattr(request, "session", None)
        if (
            session is not None
            and session.accessed
            and SESSION_KEY in session
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, private=True)
        return response

    return middleware
