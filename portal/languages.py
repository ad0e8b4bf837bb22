"""Interface languages: the switcher, hreflang alternates, remembering the choice.

URLs carry the language: English pages have no prefix, the others live under
/ru/, /ka/, ... (``i18n_patterns(prefix_default_language=False)`` in
portal/urls.py), so every page has one address per language that search
engines can crawl. ``request.LANGUAGE_CODE`` is always the language of the
page being served (the prefix, or English without one): caches key on it.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.http import HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_info
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .absolute import absolute_url

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    """The language's name in that language ("Русский", "ქართული")."""
    return get_language_info(code)["name_local"]


def language_choices() -> list[tuple[str, str]]:
    return [(code, language_name(code)) for code in LANGUAGE_CODES]


def page_in(path: str, code: str) -> str:
    """``path`` (a page of this site) as it reads in another language."""
    with translation.override(settings.LANGUAGE_CODE):
        # translate_url resolves in the active language; English paths carry no prefix.
        return translate_url(path, code)


def alternates(request) -> list[dict]:
    """This page in every language, for the switcher and <link hreflang>.

    Pages outside the language prefixes (admin, errors at unknown URLs) give
    the same path for every language; those get no alternates.
    """
    path = request.get_full_path()
    # Error pages of the static files handler run without LocaleMiddleware.
    current = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
    links = []
    for code in LANGUAGE_CODES:
        url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "href": absolute_url(url, request),
                "current": code == current,
            }
        )
    if len({link["url"] for link in links}) == 1:
        return []
    return links


def preferred_language(request) -> str | None:
    """The visitor's remembered choice (cookie) or else their browser's preference."""
    return translation.get_language_from_request(request, check_path=False)


def first_visit_language(get_response):
    """Send a reader whose cookie or browser prefers another language to that page.

    Only unprefixed (English) HTML pages fetched with GET are redirected, so
    feeds, the sitemap, htmx fragments and crawlers (no Accept-Language, no
    cookie) keep the English address. Choosing English in the switcher sets
    the cookie to "en" and stops the redirect.
    """

    def middleware(request):
        if (
            request.method in {"GET", "HEAD"}
            and request.LANGUAGE_CODE == settings.LANGUAGE_CODE
            and "text/html" in request.headers.get("Accept", "")
            and not request.headers.get("HX-Request")
        ):
            wanted = preferred_language(request)
            if wanted and wanted != settings.LANGUAGE_CODE:
                path = request.get_full_path()
                target = page_in(path, wanted)
                if target != path:
                    response = HttpResponseRedirect(target)
                    patch_vary_headers(response, ("Accept-Language", "Cookie"))
                    return response
        response = get_response(request)
        remembered = getattr(request, "remember_language", None)
        if remembered:
            remember(response, remembered)
        return response

    return middleware


def admin_in_member_language(get_response):
    """The admin has one address (no language prefix), which Django serves in English;
    editors get it in their profile's language, else the switcher's cookie."""
    admin_prefix = "/admin/"

    def middleware(request):
        if request.path_info.startswith(admin_prefix):
            user = request.user
            code = (user.is_authenticated and user.language) or request.COOKIES.get(
                settings.LANGUAGE_COOKIE_NAME
            )
            if code in LANGUAGE_CODES:
                translation.activate(code)
                request.LANGUAGE_CODE = code
        return get_response(request)

    return middleware


def remember(response, code: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@csrf_exempt
@require_POST
def set_language(request):
    """Django's set_language, and a member's choice is kept on their profile too.

    Readers switch without a CSRF token, so the switcher on a shared, cached page
    carries none: another site could at worst change a visitor's language. A
    member's choice is written to their profile, so members need the token.
    """
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused:
            return refused
    response = django_set_language(request)
    code = request.POST.get("language")
    user = request.user
    if code in LANGUAGE_CODES and user.is_authenticated and user.language != code:
        user.language = code
        user.save(update_fields=["language"])
    return response


def apply_member_language(sender, request, user, **kwargs):
    """At login the member's language wins; a first login keeps the page's language."""
    if request is None:
        return
    if not user.language:
        user.language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        user.save(update_fields=["language"])
    translation.activate(user.language)
    request.LANGUAGE_CODE = user.language
    request.remember_language = user.language


def connect_signals() -> None:
    user_logged_in.connect(apply_member_language, dispatch_uid="portal_member_language")


def member_language(user) -> str:
    """The language of emails to ``user``: their choice, else the site's default."""
    return getattr(user, "language", "") or settings.LANGUAGE_CODE
