"""Site-wide views: health checks, robots.txt, error pages and media from local disk."""

import logging

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.static import serve

from .absolute import absolute_url
from .object_storage import MEDIA_CACHE_CONTROL
from .outage import database_is_away, outage_response

logger = logging.getLogger(__name__)


@require_safe
def serve_media(request, path, document_root):
    """Public media from local disk (PORTAL_SERVE_MEDIA), cached like the S3 bucket's."""
    response = serve(request, path, document_root=document_root)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response


@never_cache
@require_GET
def healthz(request):
    """The process is up. Deliberately touches nothing else."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    """The process can serve: the database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not ready"; the log has the details
        logger.exception("Readiness check: the database does not answer")
        return JsonResponse({"database": "unavailable"}, status=503)
    return JsonResponse({"database": "ok"})


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # The member and search pages exist under every language prefix too.
        *(
            f"Disallow: {prefix}/{page}/"
            for prefix in ["", *(f"/{code}" for code, _name in settings.LANGUAGES[1:])]
            for page in ("accounts", "saved", "search", "preview")
        ),
        f"Sitemap: {absolute_url(reverse('sitemap'), request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def csrf_failure(request, reason=""):
    """A form came back without a valid token: usually an old tab or blocked cookies."""
    return render(request, "errors/403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


# allauth does not say which limit was hit: this is its shortest window that a member
# can reach (login_failed, 5/5m per address), so a client that waits is not refused again.
ACCOUNT_RETRY_AFTER_SECONDS = 5 * 60


def too_many_requests(request):
    response = render(request, "errors/429.html", status=429)
    response["Retry-After"] = str(ACCOUNT_RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    if database_is_away():
        return outage_response(request)
    # No request context: its processors (user, messages) might query a broken database.
    html = loader.get_template("errors/500.html").render({"SITE_NAME": settings.SITE_NAME})
    return HttpResponse(html, status=500)
