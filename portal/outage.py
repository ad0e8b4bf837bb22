"""When the database is away: answer 503, and hand back what the reader typed.

Django turns any uncaught exception into the 500 handler's response, from the
view or from any middleware (sessions and the signed-in user are read from the
database). ``server_error`` in portal/views.py calls ``outage_response`` for
database connection errors, so a comment sent during an outage comes back as a
form with its text in it, and nothing on the way touches the database again.
"""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import loader

RETRY_AFTER_SECONDS = 15
# Fields shown again as text to correct and send; never anything secret.
TEXT_FIELDS = {"body", "reason"}
NEVER_ECHOED = {"csrfmiddlewaretoken", "password", "password1", "password2", "oldpassword"}


def database_is_away() -> bool:
    """Is the exception being handled a lost or refused database connection?"""
    error = sys.exc_info()[1]
    return isinstance(error, OperationalError | InterfaceError)


def typed_fields(request) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The POSTed text fields to show again, and the other fields to carry along."""
    if request.method != "POST":
        return [], []
    shown, carried = [], []
    for name, value in request.POST.items():
        if name in NEVER_ECHOED or "password" in name:
            continue
        (shown if name in TEXT_FIELDS else carried).append((name, value))
    return shown, carried


def outage_response(request) -> HttpResponse:
    shown, carried = typed_fields(request)
    context = {
        "SITE_NAME": settings.SITE_NAME,
        "shown": shown,
        "carried": carried,
        "action": request.path,
        # The CSRF cookie is read from the request itself: no database involved.
        "csrf_token": get_token(request) if shown else "",
    }
    html = loader.get_template("errors/503.html").render(context)
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
