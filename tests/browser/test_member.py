"""Journey 2: a reader becomes a member, saves posts, downloads a reading pack and comments."""

import re
from io import BytesIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import expect
from pypdf import PdfReader

from comments.models import Comment, CommentStatus
from tests.browser.keyboard import assert_visible_focus, press_enter_on, tab_to
from tests.browser.people import SAVE, SAVED

pytestmark = pytest.mark.browser

EMAIL = "nadia@example.org"
PASSWORD = "a long and private passphrase"


def sign_up(tab) -> None:
    page = tab.page
    page.get_by_role("link", name="Sign up").click()
    tab.check("sign up", heading="Sign up")
    page.get_by_label(re.compile(r"^Email")).fill(EMAIL)
    page.get_by_label(re.compile(r"^Public name")).fill("Nadia N.")
    page.get_by_label(re.compile(r"^Password:?$")).fill(PASSWORD)
    page.get_by_label(re.compile(r"^Password, again")).fill(PASSWORD)
    mail.outbox.clear()
    page.get_by_role("button", name="Create my account").click()
    tab.check("after sign up")


def verify_email(tab) -> None:
    """Follow the link in the confirmation email, as the new member would."""
    page = tab.page
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    link = re.search(r"https?://\S+/confirm-email/\S+", message.body)
    assert link, message.body
    tab.goto(link.group(0))  # one click: confirmed and logged in, welcomed as new
    tab.check("email confirmed")
    expect(page.locator(".messages")).to_contain_text("Welcome, Nadia N.")
    assert EmailAddress.objects.get(email=EMAIL).verified


def test_member_journey(open_tab, library, settings):
    # Playwright types faster than a person: the robot fill-time rule would mark it spam.
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    tab = open_tab("member")
    page = tab.page
    post = library.post
    card_post = library.other_posts[0]

    tab.goto("/")
    tab.check("home before sign up", heading="Latest posts")
    sign_up(tab)
    verify_email(tab)

    # Save one post from its card on the home page, by keyboard.
    tab.goto("/")
    tab.check("home as a member", heading="Latest posts")
    card = page.locator(
        "main .card", has=page.get_by_role("link", name=card_post.title, exact=True)
    )
    card_toggle = card.get_by_role("button", name=SAVE)
    press_enter_on(page, card_toggle)
    expect(card.get_by_role("button", name=SAVED)).to_have_attribute("aria-pressed", "true")

    # Save another from the post page.
    page.locator("main .card").get_by_role("link", name=post.title, exact=True).click()
    tab.check("post as a member", heading=post.title)
    page.locator(".post__actions--top").get_by_role("button", name=SAVE).click()
    expect(page.locator(".post__actions--top").get_by_role("button", name=SAVED)).to_have_attribute(
        "aria-pressed", "true"
    )

    # My saved posts: newest saved first; remove one with one click.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My saved posts").click()
    tab.check("my saved posts", heading="My saved posts")
    titles = page.locator(".saved-list .card__title")
    expect(titles).to_have_text([post.title, card_post.title])
    # Remove takes the card away at once, with an Undo in its place.
    removed = page.locator(".saved-item", has_text=card_post.title)
    removed.get_by_role("button", name=re.compile(r"^Remove")).click()
    expect(removed.get_by_role("button", name="Undo")).to_be_focused()
    expect(titles).to_have_text([post.title])
    removed.get_by_role("button", name="Undo").click()
    expect(titles).to_have_text([post.title, card_post.title])
    page.locator(".saved-item", has_text=card_post.title).get_by_role(
        "button", name=re.compile(r"^Remove")
    ).click()
    page.reload()
    tab.check("my saved posts after removing one", heading="My saved posts")
    expect(titles).to_have_text([post.title])

    # The reading pack: one PDF of the saved posts.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download a reading pack (PDF)").click()
    pack = download_info.value
    text = " ".join(
        " ".join(
            p.extract_text() for p in PdfReader(BytesIO(Path(pack.path()).read_bytes())).pages
        ).split()
    )
    assert post.title in text
    assert card_post.title not in text

    # Comment on the post, by keyboard; it waits for moderation.
    page.locator(".saved-list").get_by_role("link", name=post.title, exact=True).click()
    tab.check("post before commenting", heading=post.title)
    box = page.get_by_role("textbox", name="Leave a comment")
    tab_to(page, box)
    assert_visible_focus(box)
    page.keyboard.type("We saw the same with peer mentoring in Kayes.\nThank you for the brief.")
    press_enter_on(page, page.get_by_role("button", name="Post comment"))
    expect(page.locator("#comments")).to_contain_text("once a moderator has approved it")
    tab.check("post after commenting", heading=post.title)
    assert Comment.objects.get(user__email=EMAIL).status == CommentStatus.PENDING

    # Back on the post later: the member's own comment, marked as waiting.
    page.reload()
    tab.check("post with my pending comment", heading=post.title)
    mine = page.locator("#comments .comment", has_text="peer mentoring in Kayes")
    expect(mine).to_contain_text("awaiting moderation")
    expect(mine).to_contain_text("Thank you for the brief.")
