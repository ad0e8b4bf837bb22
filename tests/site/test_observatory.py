"""The HTTP Observatory's score, computed from the portal's own response headers.

The review's live scan gave 125 (A+); Cross-Origin-Resource-Policy brings the
ten points that make 135, the most the Observatory gives without HSTS
preloading (a public list) or SRI (for third-party scripts the portal has none of).
"""

import pytest
from django.test import Client

from tests.site.observatory import grade

pytestmark = pytest.mark.django_db


@pytest.fixture
def production(settings):
    """Production's HTTPS settings, which the test settings switch off."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME = "__Host-sessionid", "__Host-csrftoken"
    settings.WHITENOISE_USE_FINDERS = True
    return Client()  # a new handler: the middleware reads these settings when it starts


def scan(client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200, url
    return grade(response, redirect_response=client.get(url, secure=False))


def test_the_home_page_scores_at_least_135(production):
    result = scan(production, "/")
    assert result.score >= 135, result.modifiers
    assert result.modifiers["subresource-integrity"] == 5
    # A reader's page sets no cookie at all, so it can be shared by the page cache.
    assert result.modifiers["cookies"] == 0


def test_the_login_page_scores_at_least_135_with_its_cookies(production):
    result = scan(production, "/accounts/login/")
    assert result.score >= 135, result.modifiers
    assert result.modifiers["cookies"] == 5  # the CSRF cookie: Secure, SameSite


def test_a_post_page_scores_at_least_135(production, content):
    result = scan(production, content["post"].get_absolute_url())
    assert result.score >= 135, result.modifiers


def test_a_static_file_has_every_header_test_at_its_best(production):
    result = scan(production, "/static/css/portal.css")
    # A file sets no cookie, so the cookie bonus cannot apply: 135 - 5.
    assert result.modifiers["cookies"] == 0
    assert result.score == 130, result.modifiers
    assert all(modifier >= 0 for modifier in result.modifiers.values()), result.modifiers


def test_without_cross_origin_resource_policy_the_score_drops_to_the_scans_125(production):
    response = production.get("/", secure=True)
    redirect = production.get("/", secure=False)
    del response.headers["Cross-Origin-Resource-Policy"]
    assert grade(response, redirect).score == 125


def test_the_grader_punishes_what_the_observatory_punishes(production):
    response = production.get("/", secure=True)
    redirect = production.get("/", secure=False)
    response.headers["Content-Security-Policy"] = "script-src 'self' 'unsafe-inline'"
    del response.headers["Strict-Transport-Security"]
    result = grade(response, redirect)
    assert result.modifiers["content-security-policy"] == -20
    assert result.modifiers["strict-transport-security"] == -20
    assert result.score == 60  # no bonuses below 90


def test_every_script_carries_its_integrity_hash(production):
    import base64
    import hashlib
    import re

    from django.contrib.staticfiles import finders

    page = production.get("/", secure=True).text
    tags = re.findall(r'<script src="/static/([^"]+)" integrity="(sha384-[^"]+)"', page)

    assert {path for path, _ in tags} >= {"django_htmx/htmx-2.min.js", "js/comments.js"}
    for path, declared in tags:
        with open(finders.find(path), "rb") as source:
            digest = base64.b64encode(hashlib.sha384(source.read()).digest()).decode()
        assert declared == f"sha384-{digest}"
    assert "<script" not in re.sub(r"<script src=[^>]+ integrity=[^>]+></script>", "", page)
