"""Error pages in the site's design, health checks and robots.txt."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import RequestFactory

from portal import views
from tests.site.html import inspect_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def error_urls(settings):
    settings.ROOT_URLCONF = "tests.site.urls"


@pytest.mark.parametrize(
    ("url", "status", "heading"),
    [
        ("/test-errors/400/", 400, "Bad request"),
        ("/test-errors/403/", 403, "Not allowed"),
        ("/no/such/page/", 404, "Page not found"),
    ],
)
def test_error_pages_are_in_the_site_design(client, error_urls, url, status, heading):
    response = client.get(url)

    assert response.status_code == status
    page = inspect_html(response.text)
    assert page.h1_count == 1
    assert f">{heading}</h1>" in response.text
    assert 'class="site-header"' in response.text
    assert "Trending topics" in response.text  # the site's navigation is there
    assert "/static/css/portal.css" in response.text


def test_server_error_page_is_designed_and_safe(client, error_urls):
    client.raise_request_exception = False

    response = client.get("/test-errors/500/")

    assert response.status_code == 500
    assert ">Something went wrong</h1>" in response.text
    assert "/static/css/portal.css" in response.text
    assert "broken on purpose" not in response.text  # no internals leak
    assert inspect_html(response.text).h1_count == 1


def test_server_error_page_renders_without_the_database(django_assert_num_queries):
    request = RequestFactory().get("/")

    with django_assert_num_queries(0):
        response = views.server_error(request)

    assert response.status_code == 500
    assert b"Something went wrong" in response.content
    assert b'class="site-header"' in response.content  # still looks like the portal
    assert settings.SITE_NAME.encode() in response.content


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_readyz_checks_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok"}


def test_readyz_reports_a_broken_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise connection.Database.OperationalError("database is gone")

    monkeypatch.setattr(connection, "cursor", broken_cursor)

    response = client.get("/readyz")

    assert response.status_code == 503
    # Neither the message nor the exception's class: the log has them, scanners don't.
    assert response.json() == {"database": "unavailable"}
    assert "gone" not in response.text and "OperationalError" not in response.text


def test_robots_txt_points_at_the_sitemap_and_keeps_private_areas_out(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_csrf_failure_page_is_in_the_site_design_and_explains(member):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)

    response = strict.post("/accounts/logout/")

    assert response.status_code == 403
    assert ">Please try again</h1>" in response.text
    assert "reload the page" in response.text
    assert 'class="site-header"' in response.text
