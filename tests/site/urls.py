"""The real URLs plus views that fail on purpose, to render the error pages."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from portal.urls import handler400, handler403, handler404, handler500, urlpatterns

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]


def bad_request(request):
    raise SuspiciousOperation("broken on purpose")


def forbidden(request):
    raise PermissionDenied


def broken(request):
    raise RuntimeError("broken on purpose")


urlpatterns = [
    *urlpatterns,
    path("test-errors/400/", bad_request),
    path("test-errors/403/", forbidden),
    path("test-errors/500/", broken),
]
