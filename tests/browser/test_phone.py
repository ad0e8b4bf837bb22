"""Journey 5: a phone (390×844): no sideways scrolling on the home, post and saved pages,
and the navigation is in reach."""

import pytest
from playwright.sync_api import expect

from tests.browser.people import SAVE, SAVED, log_in

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}

# Elements sticking out to the right: named in the failure so it can be fixed.
OVERFLOW = """
() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll("body *")]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .slice(0, 5)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${Math.round(el.getBoundingClientRect().right)}px)`);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide};
}
"""


def assert_no_sideways_scrolling(tab, name):
    size = tab.page.evaluate(OVERFLOW)
    assert size["scrollWidth"] <= size["innerWidth"], f"{name} scrolls sideways: {size}"


def assert_navigation_in_reach(page):
    nav = page.get_by_role("navigation", name="Main")
    links = nav.get_by_role("link")
    expect(links).to_have_count(3)
    if not links.first.is_visible():
        # A menu button may fold the navigation away on small screens.
        page.locator("button[aria-expanded='false']").first.click()
    for link in links.all():
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box


def test_phone_journey(open_tab, library):
    tab = open_tab("phone reader", **PHONE)
    page = tab.page

    tab.goto("/")
    tab.check("home (phone)", heading="Latest posts")
    assert_no_sideways_scrolling(tab, "home")
    assert_navigation_in_reach(page)

    page.locator("main .card").get_by_role("link", name=library.post.title, exact=True).click()
    tab.check("post (phone)", heading=library.post.title)
    assert_no_sideways_scrolling(tab, "post")
    assert_navigation_in_reach(page)

    log_in(tab, library.member_email)
    page.reload()
    page.locator(".post__actions--top").get_by_role("button", name=SAVE).tap()
    expect(page.locator(".post__actions--top").get_by_role("button", name=SAVED)).to_be_visible()

    assert_navigation_in_reach(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My saved posts").tap()
    tab.check("saved (phone)", heading="My saved posts")
    expect(page.locator(".saved-list")).to_contain_text(library.post.title)
    assert_no_sideways_scrolling(tab, "saved")


def test_phone_search_results_and_following(open_tab, library, results_dir):
    """Search results (one search box, marked passage, filters) and the Following page fit
    a phone; screenshots are kept in the results folder for a look."""
    tab = open_tab("phone member", **PHONE)
    page = tab.page

    tab.goto("/search/?q=Diallo+reintegration")
    tab.check("search results (phone)", heading="Search")
    expect(page.locator("main .card")).to_contain_text(library.post.title)
    expect(page.locator(".card__passage mark").first).to_be_visible()
    expect(page.locator('input[type="search"]')).to_have_count(1)
    assert_no_sideways_scrolling(tab, "search results")
    page.screenshot(path=results_dir / "phone-search.png", full_page=True)

    log_in(tab, library.member_email)
    tab.goto("/topics/migration/")
    page.get_by_role("button", name="Follow").first.tap()
    expect(page.get_by_role("button", name="Following").first).to_be_visible()
    tab.goto("/following/")
    tab.check("following (phone)", heading="Following")
    expect(page.locator("main .card").first).to_contain_text(library.post.title)
    assert_no_sideways_scrolling(tab, "following")
    page.screenshot(path=results_dir / "phone-following.png", full_page=True)
