"""Journeys 1 and 4: a reader arrives, reads, downloads, browses, searches and prints;
the same again with JavaScript switched off."""

from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from posts.models import Attachment
from tests.browser.keyboard import assert_visible_focus, press_enter_on, tab_to

pytestmark = pytest.mark.browser


def read_like_a_reader(tab, library):
    page = tab.page
    post = library.post

    tab.goto("/")
    tab.check("home", heading="Latest posts")
    cards = page.locator("main .card")
    expect(cards).to_have_count(10)
    expect(page.get_by_role("link", name=library.draft.title)).to_have_count(0)
    expect(page.get_by_role("link", name=library.scheduled.title)).to_have_count(0)

    cards.get_by_role("link", name=post.title, exact=True).click()
    tab.check("post", heading=post.title)
    expect(page.locator(".byline__meta time").first).to_have_text("October 14, 2021")
    expect(page.locator(".post__body h2")).to_have_text("What we tried")
    expect(page.locator(".post__authors .author-card__name")).to_have_text(
        ["Amina Diallo", "Jonas Berg"]
    )
    comments = page.locator("#comments")
    expect(comments.get_by_role("heading", name="Comments (1)")).to_be_visible()
    expect(comments).to_contain_text("Peer groups kept people going.")
    expect(comments).to_contain_text("Omar Field")

    files = page.locator(".post__files")
    expect(files).to_contain_text("PDF")
    with page.expect_download() as download_info:
        files.get_by_role("link", name="Full learning brief").click()
    download = download_info.value
    assert download.suggested_filename == "learning-brief.pdf"
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    assert Attachment.objects.get(post=post, position=0).download_count == 1

    page.get_by_role("link", name="All posts by Amina Diallo").click()
    tab.check("author", heading="Amina Diallo")
    expect(page.locator("main")).to_contain_text("Sahel Returns Network")
    expect(page.get_by_role("link", name=post.title, exact=True)).to_be_visible()

    page.locator("main .card").first.get_by_role("link", name="Livelihoods").click()
    tab.check("topic", heading="Livelihoods")
    expect(page.get_by_role("link", name=post.title, exact=True)).to_be_visible()

    # The navigation by keyboard: the skip link first, then the menu entries.
    skip = page.get_by_role("link", name="Skip to content")
    tab_to(page, skip)
    assert_visible_focus(skip)
    press_enter_on(
        page,
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Trending topics"),
    )
    tab.check("trending", heading="Trending topics")
    ranked = page.locator("main .trending-table tbody th a")
    # Migration leads: the most-read post and another recently read post carry it.
    expect(ranked.first).to_have_text("Migration")

    search = page.get_by_role("search").first.get_by_role("searchbox")
    search.fill("reintegration support")
    search.press("Enter")
    tab.check("search", heading="Search")
    expect(page.locator("main")).to_contain_text("1 post matches")
    page.locator("main .card").get_by_role("link", name=post.title, exact=True).click()
    tab.check("post again", heading=post.title)

    page.locator(".post__actions--top").get_by_role("link", name="Print").click()
    tab.check("print view", heading=post.title)
    sheet = page.locator("main")
    expect(sheet).to_contain_text("Amina Diallo")
    expect(sheet).to_contain_text("Full learning brief")
    expect(sheet).to_contain_text(f"{tab.base_url}{post.get_absolute_url()}")
    page.get_by_role("link", name="Back to post").click()
    tab.check("post after print", heading=post.title)

    # The PDF opens inline in Chromium's own viewer, whose copy of the body Playwright
    # cannot read: check the response, then fetch the same URL with the same cookies.
    with page.expect_response(lambda r: r.url.endswith("/pdf/")) as pdf_info:
        page.locator(".post__actions--top").get_by_role("link", name="PDF").click()
    assert pdf_info.value.status == 200
    assert pdf_info.value.headers["content-type"] == "application/pdf"
    pdf = page.request.get(pdf_info.value.url)
    reader = PdfReader(BytesIO(pdf.body()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert post.title in text  # real, searchable text


def test_reader_journey(open_tab, library):
    read_like_a_reader(open_tab("reader"), library)


def test_reader_journey_without_javascript(open_tab, library):
    read_like_a_reader(open_tab("reader without JS", java_script_enabled=False), library)
