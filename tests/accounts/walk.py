"""A walk through every allauth page and email the portal uses, in the state a member
meets them (error states included). The wording and language tests judge what it finds.

URLs are reversed in the active language, so under ``translation.override("ka")`` the
walk visits /ka/accounts/... and the emails go out in Georgian.
"""

import re
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse

PASSWORD = "correct horse battery"


def log_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def visit(client, url, method="get", **data):
    response = getattr(client, method)(url, data or None, follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


def account_pages(client, member) -> dict[str, str]:
    """Every account page's HTML, by name; ``member`` has PASSWORD and a verified email."""
    pages = {}
    # Logged out: entrance pages, with their error states.
    pages["login"] = visit(client, reverse("account_login"))
    pages["login errors"] = visit(
        client, reverse("account_login"), "post", login="x@example.org", password="nope"
    )
    pages["signup"] = visit(client, reverse("account_signup"))
    pages["signup errors"] = visit(
        client, reverse("account_signup"), "post", email="bad", password1="a", password2="b"
    )
    pages["password reset"] = visit(client, reverse("account_reset_password"))
    pages["password reset errors"] = visit(
        client, reverse("account_reset_password"), "post", email="not an address"
    )
    pages["password reset done"] = visit(
        client, reverse("account_reset_password"), "post", email=member.email
    )
    (link,) = re.findall(r"https?://\S+/password/reset/key/\S+", mail.outbox[-1].body)
    pages["password reset from key"] = visit(client, urlsplit(link).path)
    pages["password reset from key errors"] = visit(
        client, urlsplit(link).path, "post", password1="a", password2="b"
    )
    bad_key = reverse("account_reset_password_from_key", args=["1", "bad-key"])
    pages["password reset bad key"] = visit(client, bad_key)
    pages["email confirm bad key"] = visit(
        client, reverse("account_confirm_email", args=["bad-key"])
    )
    pages["verification sent"] = visit(client, reverse("account_email_verification_sent"))
    pages["account inactive"] = visit(client, reverse("account_inactive"))
    pages["password reset from key done"] = visit(
        client, reverse("account_reset_password_from_key_done")
    )

    # Logged in: the pages a member manages the account with.
    log_in(client, member)
    pages["welcome back"] = visit(client, reverse("posts:latest"))
    pages["password change"] = visit(client, reverse("account_change_password"))
    pages["password change errors"] = visit(
        client,
        reverse("account_change_password"),
        "post",
        oldpassword="x",
        password1="a",
        password2="b",
    )
    pages["email"] = visit(client, reverse("account_email"))
    pages["reauthenticate errors"] = visit(
        client, reverse("account_reauthenticate"), "post", password="wrong"
    )
    pages["sessions"] = visit(client, reverse("usersessions_list"))
    pages["logout"] = visit(client, reverse("account_logout"))
    pages["profile"] = visit(client, reverse("accounts:profile"))
    # Asks for the password again.
    pages["delete errors"] = visit(client, reverse("accounts:delete"))
    return pages


def account_emails(client, member) -> list:
    """Every email the account flows send: reset (known and unknown address), sign-up
    confirmation, an existing address signing up again, and the password-changed notice."""
    start = len(mail.outbox)
    client.post(reverse("account_reset_password"), {"email": member.email})
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    for email in ("fresh@example.org", member.email):
        client.logout()
        client.post(
            reverse("account_signup"),
            {
                "email": email,
                "display_name": "Fresh",
                "password1": "a long pass phrase",
                "password2": "a long pass phrase",
            },
        )
    client.logout()
    log_in(client, member)
    client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "another long phrase",
            "password2": "another long phrase",
        },
    )
    return mail.outbox[start:]
