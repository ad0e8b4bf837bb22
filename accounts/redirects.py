"""The one definition of a safe `next=` target: a path on this very site."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_safe_next(request, url: str | None) -> bool:
    if not url:
        return False
    return url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


def safe_next(request, url: str | None, fallback: str) -> str:
    """`url` when it stays on this site, else `fallback`."""
    return url if is_safe_next(request, url) else fallback
