"""Light or dark: the system's choice (prefers-color-scheme) unless the reader picked one.

The choice is a cookie set by a plain form, so it works without JavaScript.
base.html turns it into a class on <html>; the page cache keys pages by it
(portal.pagecache.cache_key), so a reader without the cookie still gets shared
cached pages and one with it never gets another theme's copy.
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.redirects import safe_next

COOKIE = "theme"
CHOICES = ("light", "dark")  # anything else: follow the system
ONE_YEAR = 365 * 24 * 60 * 60


def chosen_theme(request) -> str:
    """The reader's valid choice, or "" (follow the system)."""
    value = request.COOKIES.get(COOKIE, "")
    return value if value in CHOICES else ""


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


# No CSRF token: the form sits on pages shared through the page cache, which must carry
# none. The worst a forged request can do is change someone's colours.
@csrf_exempt
@require_POST
def set_theme(request):
    theme = request.POST.get("theme", "")
    if theme not in (*CHOICES, "auto"):
        return HttpResponseBadRequest("Unknown theme.")
    response = HttpResponseSeeOther(safe_next(request, request.POST.get("next"), "/"))
    if theme == "auto":
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(
            COOKIE, theme, max_age=ONE_YEAR, samesite="Lax", httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )  # fmt: skip
    return response
