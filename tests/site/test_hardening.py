"""Headers and limits that hold on every response, static files included."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import global_settings
from django.test import Client
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.fixture
def static_client(settings):
    """A client whose WhiteNoise serves static files from the source folders."""
    settings.WHITENOISE_USE_FINDERS = True
    return Client()  # a new handler: WhiteNoise reads its settings when it starts


def test_pages_keep_their_resources_to_this_origin(client, content):
    for url in ["/", content["post"].get_absolute_url(), "/readyz", "/no-such-page/"]:
        assert client.get(url)["Cross-Origin-Resource-Policy"] == "same-origin", url


def test_static_files_are_same_origin_and_not_shared_with_every_site(static_client):
    response = static_client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "account_email"]
)
def test_account_pages_are_never_stored(client, member, name):
    if name == "account_email":
        client.force_login(member)
    response = client.get(reverse(name))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control


@pytest.mark.parametrize("name", ["accounts:profile", "saved:list", "usersessions_list"])
def test_private_pages_stay_out_of_htmx_history(member_client, name):
    response = member_client.get(reverse(name))
    assert 'data-hx-history="false"' in response.text


def test_public_pages_keep_htmx_history(client, content):
    assert "hx-history" not in client.get(content["post"].get_absolute_url()).text


def test_htmx_may_not_evaluate_code(client):
    page = client.get("/").text
    start = page.index('name="htmx-config" content=\'') + len('name="htmx-config" content=\'')
    config = json.loads(page[start : page.index("'", start)])
    assert config["allowEval"] is False


def test_request_bodies_keep_djangos_limit(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == global_settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def production_settings(*names: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings",
        DJANGO_SECRET_KEY="p" * 60,
        DJANGO_ALLOWED_HOSTS="portal.example",
    )
    env.pop("ACCOUNT_EMAIL_VERIFICATION", None)
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_cookies_carry_the_host_prefix():
    values = production_settings(
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "LANGUAGE_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "SESSION_COOKIE_DOMAIN",
        "CSRF_COOKIE_DOMAIN",
        "LANGUAGE_COOKIE_DOMAIN",
        "SESSION_COOKIE_PATH",
        "CSRF_COOKIE_PATH",
        "LANGUAGE_COOKIE_PATH",
    )
    for cookie in ["SESSION", "CSRF", "LANGUAGE"]:
        # What browsers require of a __Host- cookie, or they drop it.
        assert values[f"{cookie}_COOKIE_NAME"].startswith("__Host-")
        assert values[f"{cookie}_COOKIE_SECURE"] is True
        assert values[f"{cookie}_COOKIE_DOMAIN"] is None
        assert values[f"{cookie}_COOKIE_PATH"] == "/"


def test_production_makes_email_verification_mandatory():
    assert production_settings("ACCOUNT_EMAIL_VERIFICATION") == {
        "ACCOUNT_EMAIL_VERIFICATION": "mandatory"
    }
