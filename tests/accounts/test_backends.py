"""Signed-in requests load their member with one fixed statement (accounts/backends.py):
the same member, the same refusals, and sessions from before the change still signed in."""

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, get_user
from django.contrib.auth.backends import ModelBackend as DjangosModelBackend
from django.urls import reverse

from accounts.backends import ModelBackend

pytestmark = pytest.mark.django_db


def test_the_member_loaded_is_the_one_the_orm_would_load(member):
    quick, orm = ModelBackend().get_user(member.pk), DjangosModelBackend().get_user(member.pk)
    fields = [field.attname for field in type(member)._meta.concrete_fields]
    assert [getattr(quick, name) for name in fields] == [getattr(orm, name) for name in fields]
    assert quick._state.db == "default" and not quick._state.adding


def test_an_inactive_missing_or_junk_member_is_nobody(member):
    member.is_active = False
    member.save()
    assert ModelBackend().get_user(member.pk) is None
    assert ModelBackend().get_user(987654) is None
    assert ModelBackend().get_user("not-a-number") is None


def test_a_session_signed_in_before_the_change_stays_signed_in(client, member):
    client.force_login(member, backend="django.contrib.auth.backends.ModelBackend")
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 200 and member.email in response.text
    assert client.session[BACKEND_SESSION_KEY] == "accounts.backends.ModelBackend"


def test_a_password_change_still_signs_out_other_sessions(client, member, rf):
    client.force_login(member)
    member.set_password("a whole new passphrase")
    member.save()

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    request = rf.get("/")
    request.session = client.session
    assert not get_user(request).is_authenticated
