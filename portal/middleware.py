"""Site-wide response rules that no single view should have to remember."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, get_user, logout
from django.utils.cache import patch_cache_control
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from accounts import backends

# allauth's pages, the profile, data export, deletion and sessions all live here.
ACCOUNT_PAGES_PREFIX = "/accounts/"
LAST_SEEN_KEY = "portal_last_seen"
LAST_SEEN_PRECISION = 60  # seconds: write the session at most once a minute


def same_origin_resources(get_response):
    """Cross-Origin-Resource-Policy on every response, static files included.

    Nothing the portal serves is meant to be embedded by another site, and
    the header keeps its pages and files out of cross-origin contexts.
    """

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    return middleware


def end_idle_sessions(get_response):
    """Log out a session left idle longer than PORTAL_SESSION_IDLE_MINUTES.

    Only sessions that end with the browser: "Remember me" keeps the long
    session it asked for. The check runs when something first asks for the
    user, so responses that never do (health checks) cost no query.
    """

    def middleware(request):
        request.user = SimpleLazyObject(lambda: _user_unless_idle(request))
        return get_response(request)

    return middleware


def _user_unless_idle(request):
    backend = request.session.get(BACKEND_SESSION_KEY)
    if backend in backends.RENAMED:  # signed in before the portal's own backends
        request.session[BACKEND_SESSION_KEY] = backends.RENAMED[backend]
    # From here on the request holds the user itself: every later read (templates read
    # it dozens of times) skips the lazy object's proxy.
    user = request.user = get_user(request)
    session = request.session
    if not user.is_authenticated or not session.get_expire_at_browser_close():
        return user
    now = int(time.time())
    last_seen = session.get(LAST_SEEN_KEY, now)
    if now - last_seen > settings.SESSION_IDLE_SECONDS:
        logout(request)
        messages.info(
            request, _("You were logged out after a while without activity."), fail_silently=True
        )
        return request.user
    if LAST_SEEN_KEY not in session or now - last_seen >= LAST_SEEN_PRECISION:
        session[LAST_SEEN_KEY] = now
    return user


def private_for_members(get_response):
    """Any page rendered for a signed-in member is for their browser only.

    Member pages show the member's name, email and lists; allauth's pages
    (email, password, sessions) set no cache headers of their own. A view
    that already decided (downloads, robots.txt) keeps its own header.
    Responses that never read the session (health checks, static files) are
    left alone and cost no query. Account pages are never stored at all,
    signed in or not: they carry emails, tokens and reset links.
    """

    def middleware(request):
        response = get_response(request)
        if request.path.startswith(ACCOUNT_PAGES_PREFIX):
            patch_cache_control(response, private=True, no_store=True)
            return response
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
