"""The Nu HTML Checker on the HTML the server sends for the main kinds of page."""

import pytest
from playwright.sync_api import expect

from tests.browser.people import SAVE, log_in
from tests.browser.tools import VNU_JAR, validate_html, vnu_available

pytestmark = [pytest.mark.browser, pytest.mark.vnu]


def test_main_pages_are_valid_html(open_tab, library, page_log):
    assert vnu_available(), f"Nu HTML Checker missing: {VNU_JAR} (see `make browser-tools`)"
    post = library.post
    pages = {
        "home": "/",
        "post": post.get_absolute_url(),
        "topic": "/topics/migration/",
        "author": "/authors/amina-diallo/",
        "search": "/search/?q=reintegration",
        "login": "/accounts/login/",
        "print": f"{post.get_absolute_url()}print/",
    }
    tab = open_tab("reader")
    html = {}
    for name, path in pages.items():
        html[name] = tab.goto(path).text()
        tab.check(name)
    log_in(tab, library.member_email)
    tab.goto(post.get_absolute_url())
    tab.page.locator(".post__actions--top").get_by_role("button", name=SAVE).click()
    expect(tab.page.locator(".post__actions--top [aria-pressed=true]")).to_be_visible()
    html["saved"] = tab.goto("/saved/").text()
    tab.check("saved", heading="My saved posts")
    assert post.title in html["saved"]

    errors = validate_html(html)

    page_log.html.update({name: len(found) for name, found in errors.items()})
    report = [f"{name}: {error}" for name, found in errors.items() for error in found]
    assert not report, "Nu HTML Checker errors:\n" + "\n".join(report)
