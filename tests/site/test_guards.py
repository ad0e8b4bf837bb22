"""Site-wide guards: every public page, as every persona, keeps the house rules."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.csp import CSP

from tests.site.html import inspect_html

pytestmark = pytest.mark.django_db


def public_pages(content) -> dict[str, str]:
    post, author = content["post"], content["author"]
    return {
        "home": reverse("posts:latest"),
        "home page 2": reverse("posts:latest") + "?page=2",
        "post": post.get_absolute_url(),
        "topic": reverse("posts:topic", args=["diaspora"]),
        "author": author.get_absolute_url(),
        "trending": reverse("posts:trending"),
        "search form": reverse("posts:search"),
        "search hits": reverse("posts:search") + "?q=diaspora",
        "search nothing": reverse("posts:search") + "?q=zebra",
        "search absurd": reverse("posts:search") + "?q=%3Cscript%3E" + "x" * 500,
        "not found": "/no/such/page/",
        "draft (404 for the public)": content["draft"].get_absolute_url(),
        "log in": reverse("account_login"),
        "sign up": reverse("account_signup"),
    }


PERSONAS = ["anonymous", "member", "editor"]


def expected_status(name: str, persona: str) -> int:
    """Exactly what each persona gets: a page that breaks into a 404 must fail here."""
    if name == "not found":
        return 404
    if name.startswith("draft"):
        return 200 if persona == "editor" else 404  # staff preview drafts
    if name in {"log in", "sign up"} and persona != "anonymous":
        return 302  # signed-in members are sent away from log in
    return 200


@pytest.fixture
def persona_client(request, client, member, editor):
    user = {"anonymous": None, "member": member, "editor": editor}[request.param]
    if user:
        client.force_login(user)
    return client


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
def test_every_public_page_keeps_the_house_rules(request, persona_client, content):
    persona = request.node.callspec.params["persona_client"]
    for name, url in public_pages(content).items():
        response = persona_client.get(url)
        assert response.status_code == expected_status(name, persona), name
        if response.status_code == 302:
            continue
        page = inspect_html(response.text)
        assert page.h1_count == 1, f"{name}: {page.h1_count} <h1>"
        assert len(page.titles) == 1 and page.titles[0].strip(), f"{name}: no <title>"
        assert page.style_attributes == [], f"{name}: style= on {page.style_attributes}"
        assert page.style_elements == 0, f"{name}: <style> element"
        assert page.inline_scripts == [], f"{name}: inline scripts {page.inline_scripts}"
        assert page.event_handlers == [], f"{name}: event handlers {page.event_handlers}"
        assert page.images_without_alt == [], f"{name}: images without alt"


def test_editor_preview_of_a_draft_keeps_the_house_rules(editor_client, content):
    response = editor_client.get(content["draft"].get_absolute_url())

    page = inspect_html(response.text)
    assert response.status_code == 200
    assert page.h1_count == 1
    assert page.style_attributes == [] and page.inline_scripts == []


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", ["/", "/topics/", "/search/?q=x", "/no/such/page/"])
def test_pages_carry_the_content_security_policy_from_settings(client, content, url):
    response = client.get(url)

    directives = csp_directives(response["Content-Security-Policy"])
    assert set(directives) == set(settings.SECURE_CSP)
    for name, values in settings.SECURE_CSP.items():
        for value in values:
            if value == CSP.NONCE:  # for the admin only: shared pages carry no nonce
                assert not any(v.startswith("'nonce-") for v in directives[name]), name
            else:
                assert value in directives[name], (name, value)
    assert directives["script-src"] and "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]


def test_html_pages_load_every_script_as_a_file_without_a_nonce(client, content):
    """Shared cached pages cannot carry a per-request nonce: scripts are files from 'self'."""
    response = client.get("/")

    assert "nonce" not in response["Content-Security-Policy"]
    assert "nonce" not in response.text
    assert '<script src="/static/django_htmx/htmx-2.min.js" integrity="sha384-' in response.text
    # htmx would otherwise inject an inline <style> that style-src 'self' blocks.
    assert '"includeIndicatorStyles": false' in response.text
