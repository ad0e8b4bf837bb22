"""Sign-up keeps addresses private, names are chosen, idle sessions end, the admin is guarded."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = {"display_name": "Nia New", "password1": "a long pass phrase", "password2": "a long pass phrase"}  # fmt: skip


@pytest.mark.parametrize("verification", ["none", "optional", "mandatory"])
def test_sign_up_with_a_taken_address_answers_as_for_a_new_one(
    client, member, settings, verification
):
    settings.ACCOUNT_EMAIL_VERIFICATION = verification
    new = client.post(reverse("account_signup"), {**SIGN_UP, "email": "new@example.org"})
    client.logout()
    mail.outbox.clear()

    taken = client.post(reverse("account_signup"), {**SIGN_UP, "email": member.email.upper()})

    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact=member.email).count() == 1
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "already have an account" in message.body


def test_sign_up_asks_for_a_public_name_and_keeps_it(client):
    response = client.post(reverse("account_signup"), {**SIGN_UP, "display_name": "", "email": "n@example.org"})  # fmt: skip
    assert response.status_code == 200
    assert "Public name" in response.text
    assert not User.objects.filter(email="n@example.org").exists()

    client.post(reverse("account_signup"), {**SIGN_UP, "email": "n@example.org"})
    assert User.objects.get(email="n@example.org").public_name == "Nia New"


def test_a_member_without_a_name_is_never_shown_by_their_email():
    user = UserFactory.build(email="first.last@example.org", display_name="")
    assert user.public_name == "Member"
    assert "first" not in user.public_name


def login_form(client, member, password, remember=False):
    data = {"login": member.email, "password": password} | ({"remember": "on"} if remember else {})
    assert client.post(reverse("account_login"), data).status_code == 302


def test_an_idle_session_ends(client, member, password, settings):
    settings.SESSION_IDLE_SECONDS = 120 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login_form(client, member, password)
        clock.move_to(start + timedelta(minutes=100))
        assert client.get(reverse("accounts:profile")).status_code == 200  # activity
        clock.move_to(start + timedelta(minutes=200))  # 100 idle minutes: still in
        assert client.get(reverse("accounts:profile")).status_code == 200

        clock.move_to(start + timedelta(minutes=321))  # 121 idle minutes
        response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_remember_me_keeps_the_long_session(client, member, password, settings):
    settings.SESSION_IDLE_SECONDS = 120 * 60
    start = timezone.now()
    with time_machine.travel(start, tick=False) as clock:
        login_form(client, member, password, remember=True)
        clock.move_to(start + timedelta(days=3))
        assert client.get(reverse("accounts:profile")).status_code == 200


def test_changing_the_password_asks_for_the_current_one(member_client, member, password):
    response = member_client.post(
        reverse("account_change_password"),
        {
            "oldpassword": "not it",
            "password1": "a new long phrase",
            "password2": "a new long phrase",
        },  # fmt: skip
    )
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.check_password(password)


def test_the_admin_login_is_the_rate_limited_portal_login(client, editor, password):
    # The admin's own form is gone: even the right password there logs nobody in.
    response = client.post(reverse("admin:login"), {"username": editor.email, "password": password})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session

    login_url = response["Location"]
    for _ in range(5):
        client.post(login_url, {"login": editor.email, "password": "guess"})
    response = client.post(login_url, {"login": editor.email, "password": password})
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302


def test_staff_reach_the_admin_through_the_portal_login(client, editor, password):
    response = client.get(reverse("admin:index"), follow=True)
    login_url = response.redirect_chain[-1][0]
    assert login_url.startswith(reverse("account_login"))
    response = client.post(login_url, {"login": editor.email, "password": password})
    assert response["Location"] == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == 200
