"""Every allauth page and email the portal uses speaks the portal's plain, sentence-case voice.

The walk visits each page in the state a member meets it (with errors too), and
fails on a Title Case heading, button, label or title, and on allauth's own phrases.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.accounts.walk import account_emails, account_pages, visit

pytestmark = pytest.mark.django_db

# allauth's wording, which must not reach a reader.
LIBRARY_PHRASES = [
    "Bad Token", "Confirm Access", "Remember Me", "(again)", "New Password", "Password Reset",
    "Sign In", "Sign Out", "You have signed out", "Change Password", "Reset My Password",
    "Re-send Verification", "Cancel Change", "Change Email", "Please reauthenticate", "safeguard",
    "Forgotten your password", "Confirm Email Address", "Started At", "IP Address",
    "Verify Your Email", "Account Inactive", "Email Addresses", "Unknown Account",
    "Please contact us", "Alternative options", "Successfully", "E-mail", "primary email",
    "Current Password", "Email Changed", "Password Changed", "Password Set", "Email Removed",
    "Email Confirmation", "Account Already Exists", "proper security precautions",
    "You are receiving this mail", "Reset Email",
]  # fmt: skip
# Words that keep their capital letter inside a sentence.
PROPER = {"Knowledge", "Portal", "JSON", "PDF", "IP", "Ctrl+P", "Cmd+P", "Mac", "I"}
CHECKED_TAGS = {"title", "h1", "h2", "h3", "button", "label", "th", "summary"}


class Texts(HTMLParser):
    """The text of each heading, button, label, table heading and the title."""

    def __init__(self):
        super().__init__()
        self.open: list[list] = []
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in CHECKED_TAGS:
            self.open.append([tag, ""])
        elif tag == "span" and ("class", "visually-hidden") in attrs and self.open:
            self.open[-1].append("hidden")

    def handle_data(self, data):
        for item in self.open:
            if "hidden" not in item:
                item[1] += data

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            kind, text, *_ = self.open.pop()
            self.found.append((kind, " ".join(text.split())))


def title_case_words(text: str, names: set[str]) -> list[str]:
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r"\S+@\S+", "", text)
    words = re.findall(r"[^\s·:,.;!?()“”\"']+", text)
    return [w for w in words[1:] if w[:1].isupper() and w not in PROPER and not w.isupper()]


def problems_in(html: str, names: set[str]) -> list[str]:
    found = [f"library phrase {p!r}" for p in LIBRARY_PHRASES if p in html]
    parser = Texts()
    parser.feed(html[html.index("<head") :])
    for kind, text in parser.found:
        capitals = title_case_words(text.split(" · ")[0], names)
        if capitals:
            found.append(f"Title Case in <{kind}> {text!r}: {capitals}")
    return found


def test_every_account_page_speaks_plainly(client, walker, settings):
    names = {"Knowledge Portal", "Wanda Walker", settings.SITE_NAME}
    pages = account_pages(client, walker)
    problems = {name: problems_in(html, names) for name, html in pages.items()}
    bad = {name: found for name, found in problems.items() if found}
    assert not bad, "\n".join(f"{name}: {found}" for name, found in bad.items())
    assert "Enter your password again" in pages["delete errors"]
    assert "Welcome back, Wanda Walker." in pages["welcome back"]
    assert f'href="mailto:{settings.CONTACT_EMAIL}"' in pages["password reset"]


def test_cancel_is_never_the_primary_button(member_client):
    page = visit(member_client, reverse("account_logout"))
    assert '<button type="submit" class="button">Log out</button>' in page
    assert "Stay logged in</a>" in page


def test_every_email_speaks_plainly(client, walker, settings):
    names = {"Knowledge Portal", "Wanda Walker", settings.SITE_NAME}
    messages = account_emails(client, walker)
    assert len(messages) >= 5
    for message in messages:
        text = f"{message.subject}\n{message.body}"
        found = [p for p in LIBRARY_PHRASES if p in text]
        subject = message.subject.split("] ", 1)[-1]
        assert (found, title_case_words(subject, names)) == ([], []), message.subject


def test_the_walk_catches_title_case_and_library_wording():
    assert title_case_words("Password Reset", set()) == ["Reset"]
    assert title_case_words("Welcome back, Wanda Walker", {"Wanda Walker"}) == []
    assert problems_in("<head><title>Confirm Access</title></head>", set()) == [
        "library phrase 'Confirm Access'",
        "Title Case in <title> 'Confirm Access': ['Access']",
    ]


def test_the_login_page_links_to_the_password_reset_once(client):
    page = visit(client, reverse("account_login"))

    assert page.count(f'href="{reverse("account_reset_password")}"') == 1
