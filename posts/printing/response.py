"""Answers of the PDF views: a stored PDF, or "Preparing your PDF…" while it is rendered."""

from django.http import FileResponse
from django.shortcuts import render
from django.utils.cache import (
    add_never_cache_headers,
    get_conditional_response,
    patch_cache_control,
)

from .store import StoredPDF

# The preparing page asks again after this many seconds (Retry-After, refresh, poll).
RETRY_SECONDS = 3


def pdf_filename(post) -> str:
    """The post's PDF download name: never the name of one of its attachments."""
    return f"{post.slug}-print.pdf"


def pdf_response(request, pdf: StoredPDF, filename: str, *, public: bool, download=False):
    """A stored PDF inline (or as a download): cacheable by anyone only when ``public``.

    Its ETag is the revision's name, so a reader who has it gets a 304.
    """
    response = get_conditional_response(request, etag=pdf.etag)
    if response is None:
        response = FileResponse(
            pdf.open(), content_type="application/pdf", as_attachment=download, filename=filename
        )
    response["ETag"] = pdf.etag
    if public:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def preparing_response(request, *, title: str, url: str, ready: bool = False):
    """The "Preparing your PDF…" page (202, Retry-After, refreshing itself without
    JavaScript); for htmx's poll only its status block, which becomes the
    download link once ``ready``."""
    context = {"title": title, "url": url, "ready": ready, "retry_seconds": RETRY_SECONDS}
    if request.htmx:
        response = render(request, "printing/preparing.html#status", context)
    else:
        response = render(request, "printing/preparing.html", context, status=202)
    if not ready:
        response.status_code = 202
        response["Retry-After"] = str(RETRY_SECONDS)
    add_never_cache_headers(response)
    return response
