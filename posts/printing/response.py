from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header


def pdf_response(pdf: bytes, filename: str, *, public: bool, download=False) -> HttpResponse:
    """A PDF inline (or as a download): cacheable by anyone only when ``public``."""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(download, filename)
    if public:
        patch_cache_control(response, public=True, max_age=300)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
