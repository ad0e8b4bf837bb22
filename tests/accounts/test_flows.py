"""Each account flow end to end through allauth's real views, with the emails they send."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from accounts.models import User

pytestmark = pytest.mark.django_db


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def test_sign_up_sends_a_verification_link_that_verifies(client, links_in):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "display_name": "New Member",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert not EmailAddress.objects.get(user=user).verified

    (message,) = mail.outbox
    assert message.to == ["new@example.org"]
    assert "Please confirm your email address" in message.subject
    assert "Knowledge Portal" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    (link,) = [link for link in links_in(message) if "/confirm-email/" in link]
    assert f'href="{link}"' in html

    # One click: opening the link confirms the address and logs the new member in.
    response = client.get(path_of(link), follow=True)
    assert EmailAddress.objects.get(user=user).verified
    page = response.content.decode()
    assert "Welcome, New Member." in page and "Welcome back" not in page


def test_sign_up_errors_keep_what_was_typed_next_to_the_field(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "typed@example.org", "password1": "a long pass phrase", "password2": "different"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="typed@example.org"' in page
    assert 'class="field field--error"' in page
    assert "You must type the same password each time." in page
    # Styled as the portal: its header and stylesheet, not allauth's bare page.
    assert "site-header" in page and "members.css" in page
    assert not User.objects.filter(email="typed@example.org").exists()


def test_with_mandatory_verification_a_taken_email_is_not_revealed(client, member, settings):
    # allauth can only hide a taken address at sign-up when verification is
    # mandatory (the production recommendation); "optional" says it is taken.
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    response = client.post(
        reverse("account_signup"),
        {
            "email": member.email,
            "display_name": "New Member",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert response.status_code == 302  # same answer as for a new address
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email=member.email).count() == 1
    (message,) = mail.outbox
    assert "already have an account" in message.body


def test_with_mandatory_verification_login_waits_for_the_link(client, settings, links_in):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "display_name": "New Member",
            "password1": "a long pass phrase",
            "password2": "a long pass phrase",
        },
    )
    assert "_auth_user_id" not in client.session
    (link,) = [link for link in links_in(mail.outbox[0]) if "/confirm-email/" in link]
    client.post(path_of(link))
    assert client.session["_auth_user_id"] == str(User.objects.get(email="new@example.org").pk)


def test_log_in_by_email(client, member, login):
    response = login(member.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("posts:latest")
    assert client.get(reverse("accounts:profile")).status_code == 200


def test_wrong_password_says_so_and_keeps_the_email(client, member, login):
    response = login(member.email, "wrong password")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The email address and/or password you specified are not correct." in page
    assert f'value="{member.email}"' in page


def test_failed_logins_are_rate_limited(client, member, login):
    for _ in range(5):
        assert login(member.email, "wrong password").status_code == 200
    response = login(member.email)  # even the right password, once limited
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_by_get_is_refused(member_client, member):
    response = member_client.get(reverse("account_logout"))
    assert response.status_code == 200
    assert "Do you want to log out" in response.content.decode()
    assert member_client.session["_auth_user_id"] == str(member.pk)

    response = member_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session


def test_password_reset_by_emailed_link(client, member, links_in, login):
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.alternatives
    (link,) = [link for link in links_in(message) if "/password/reset/key/" in link]

    response = client.get(path_of(link))  # allauth moves the key into the session
    assert response.status_code == 302
    set_password_url = response["Location"]
    response = client.post(
        set_password_url, {"password1": "a brand new phrase", "password2": "a brand new phrase"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("a brand new phrase")
    client.logout()
    assert login(member.email, "a brand new phrase").status_code == 302


def test_password_reset_for_an_unknown_address_does_not_reveal_it(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert "there is no account with it" in message.body


def test_change_email_after_reauthenticating_and_verifying_the_new_address(
    client, member, links_in, login, password
):
    login(member.email)
    response = client.post(
        reverse("account_email"), {"email": "new-address@example.org", "action_add": ""}
    )
    # A session alone is not enough to change the address: the password again first.
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not mail.outbox
    assert not EmailAddress.objects.filter(email="new-address@example.org").exists()

    # The password again, and allauth replays the suspended change.
    response = client.post(response["Location"], {"password": password})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "reader@example.org"  # not until the new one is confirmed

    confirmation = next(m for m in mail.outbox if m.to == ["new-address@example.org"])
    (link,) = [link for link in links_in(confirmation) if "/confirm-email/" in link]
    client.post(path_of(link))
    member.refresh_from_db()
    assert member.email == "new-address@example.org"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "new-address@example.org"
    ]


def test_account_pages_need_a_login(client):
    for name in ["accounts:profile", "accounts:export", "accounts:delete"]:
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_profile_sets_the_display_name(member_client, member):
    response = member_client.get(reverse("accounts:profile"))
    assert "Rita Reader" in response.content.decode()
    assert "private" in response["Cache-Control"]
    response = member_client.post(reverse("accounts:profile"), {"display_name": "Rita R."})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.public_name == "Rita R."


def test_profile_post_errors_are_shown(member_client):
    response = member_client.post(reverse("accounts:profile"), {"display_name": "x" * 200})
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
