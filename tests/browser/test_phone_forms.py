"""Journey 6: on a phone (390×844) every form's error state keeps its shape, and the
account menu reaches every account page.

Measured, not eyeballed: no sideways scrolling; a tick box and its label on one line;
each error directly under the field it is about, aligned with it.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from accounts.models import User
from tests.browser.people import log_in
from tests.browser.test_phone import PHONE, assert_no_sideways_scrolling

pytestmark = pytest.mark.browser

MEMBER_PASSWORD = "correct horse battery"  # tests/factories.py

# Boxes of a field's control, its label and its error message, for the assertions below.
BOXES = """
(control) => {
  const field = control.closest(".field, form");
  const box = (el) => el && (({x, y, width, height}) => ({x, y, width, height, bottom: y + height, right: x + width}))(el.getBoundingClientRect());
  const label = control.id ? field.querySelector(`label[for="${control.id}"]`) : null;
  const error = field.querySelector(".errorlist, .comment-form__field-error, [role=alert]:not([hidden])");
  return {control: box(control), label: box(label), error: box(error), errorText: error && error.textContent.trim()};
}
"""


def assert_error_under(control, name):
    boxes = control.evaluate(BOXES)
    control_box, error = boxes["control"], boxes["error"]
    assert error, f"{name}: no error shown"
    below = max(control_box["bottom"], (boxes["label"] or control_box)["bottom"])
    assert 0 <= error["y"] - below <= 24, f"{name}: error not right under its field: {boxes}"
    assert abs(error["x"] - min(control_box["x"], (boxes["label"] or control_box)["x"])) <= 2, (
        f"{name}: error not aligned with its field: {boxes}"
    )


def assert_tick_box_beside_label(checkbox, name):
    boxes = checkbox.evaluate(BOXES)
    box, label = boxes["control"], boxes["label"]
    assert label["x"] >= box["right"], f"{name}: label not right of its tick box: {boxes}"
    assert label["x"] - box["right"] <= 16, f"{name}: label drifts away from its box: {boxes}"
    assert box["y"] < label["bottom"] and label["y"] < box["bottom"], (
        f"{name}: not one line: {boxes}"
    )


def submit(page, name):
    page.locator("main").get_by_role("button", name=name).click()
    page.wait_for_load_state()


def test_account_menu_reaches_every_account_page_on_a_phone(open_tab, library):
    tab = open_tab("phone member", **PHONE)
    page = tab.page
    log_in(tab, library.member_email)
    tab.goto("/")
    menu = page.locator("details.account-menu")
    menu.locator("summary").tap()
    for name in [
        "Your profile", "My saved posts", "Email address", "Password", "Notifications",
        "Download my data", "Delete my account",
    ]:  # fmt: skip
        link = menu.get_by_role("link", name=name, exact=True)
        expect(link).to_be_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 24, (name, box)
    expect(menu.get_by_role("button", name="Log out")).to_be_visible()
    assert_no_sideways_scrolling(tab, "account menu open")
    menu.get_by_role("link", name="Your profile").tap()
    tab.check("profile (phone)", heading="Your profile")


def test_account_form_errors_keep_their_shape_on_a_phone(open_tab, library):
    tab = open_tab("phone visitor", **PHONE)
    page = tab.page

    tab.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("not an address")
    page.get_by_label("Password", exact=True).fill("short")
    page.get_by_label("Password, again").fill("different")
    submit(page, "Create my account")
    tab.check("sign up errors (phone)", heading="Sign up")
    assert_no_sideways_scrolling(tab, "sign up errors")
    assert_error_under(page.get_by_label("Email address"), "sign up email")

    tab.goto("/accounts/login/")
    page.get_by_label("Email address").fill(library.member_email)
    page.get_by_label("Password", exact=True).fill("wrong password")
    submit(page, "Log in")
    tab.check("log in errors (phone)", heading="Log in")
    assert_no_sideways_scrolling(tab, "log in errors")
    expect(page.locator(".form-errors")).to_be_visible()
    assert_tick_box_beside_label(page.get_by_label("Keep me logged in on this device"), "remember")

    tab.goto("/accounts/password/reset/")
    page.get_by_label("Email address").fill("nobody")
    submit(page, "Send me the link")
    tab.check("password reset errors (phone)", heading="Forgot your password?")
    assert_no_sideways_scrolling(tab, "password reset errors")
    assert_error_under(page.get_by_label("Email address"), "reset email")

    log_in(tab, library.member_email)
    tab.goto("/accounts/password/change/")
    page.get_by_label("Current password").fill("wrong password")
    page.get_by_label("New password", exact=True).fill("a new long passphrase")
    page.get_by_label("New password, again").fill("a new long passphrase")
    submit(page, "Save my new password")
    tab.check("password change errors (phone)", heading="Change your password")
    assert_no_sideways_scrolling(tab, "password change errors")
    assert_error_under(page.get_by_label("Current password"), "current password")

    tab.goto("/accounts/profile/delete/")
    page.get_by_label("Password").fill("wrong password")
    submit(page, "Continue")
    assert_error_under(page.get_by_label("Password"), "reauthenticate")
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    submit(page, "Continue")
    tab.check("delete account (phone)", heading="Delete my account")
    submit(page, "Delete my account for good")
    tab.check("delete account errors (phone)", heading="Delete my account")
    assert_no_sideways_scrolling(tab, "delete errors")
    checkbox = page.get_by_role("checkbox")
    assert_tick_box_beside_label(checkbox, "delete confirmation")
    assert_error_under(checkbox, "delete confirmation")


def test_comment_and_report_forms_on_a_phone(open_tab, library):
    # Commenting needs a confirmed address (comments.rules).
    EmailAddress.objects.get_or_create(
        email=library.member_email,
        defaults={
            "user": User.objects.get(email=library.member_email),
            "primary": True,
            "verified": True,
        },
    )
    tab = open_tab("phone commenter", **PHONE)
    page = tab.page
    log_in(tab, library.member_email)
    tab.goto(library.post.get_absolute_url())

    # The report form uses the comment's whole width, and says what is missing under it.
    comment = page.locator(".comment", has_text="Tambacounda")
    comment.locator("summary", has_text="Report").tap()
    reason = comment.get_by_label("What is wrong with this comment?")
    card = comment.locator(".comment__card").bounding_box()
    assert reason.bounding_box()["width"] >= card["width"] - 2 * 20, (reason.bounding_box(), card)
    reason.evaluate("(el) => el.removeAttribute('required')")
    comment.get_by_role("button", name="Send report").tap()
    expect(comment.locator(".report-form [role=alert]")).to_be_visible()
    assert_no_sideways_scrolling(tab, "report errors")

    # An empty comment is refused by the server with the error under the text box.
    body = page.get_by_label("Leave a comment")
    body.evaluate("(el) => { el.removeAttribute('required'); el.removeAttribute('minlength'); }")
    body.fill("   ")
    page.get_by_role("button", name="Post comment").tap()
    error = page.locator(".comment-form .comment-form__field-error")
    expect(error).to_be_visible()
    assert_error_under(page.get_by_label("Leave a comment"), "comment")
    assert_no_sideways_scrolling(tab, "comment errors")


def test_print_view_uses_the_phones_width(open_tab, library):
    tab = open_tab("phone printer", **PHONE)
    tab.goto(f"{library.post.get_absolute_url()}print/")
    text = tab.page.locator(".paper-post__body").bounding_box()
    assert text["width"] >= 390 - 2 * 20, text  # no sheet of paper inside the phone
    assert_no_sideways_scrolling(tab, "print view")


def test_cards_keep_comments_on_one_line_and_name_their_post(open_tab, library):
    tab = open_tab("phone reader", **PHONE)
    tab.goto("/")
    for link in tab.page.locator(".card__comments").all()[:5]:
        box = link.bounding_box()
        assert box["height"] < 30, box  # "Comments (0)" does not wrap
        assert re.match(r"Comments \(\d+\): .+", link.evaluate("(el) => el.textContent.trim()"))
