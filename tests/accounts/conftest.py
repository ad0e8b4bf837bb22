import re

import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

PASSWORD = "correct horse battery"


@pytest.fixture
def links_in():
    """The http(s) links in an email's plain-text body."""

    def find(message) -> list[str]:
        return re.findall(r"https?://\S+", message.body)

    return find


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def login(client):
    """Log in through allauth's real form (so its signals and session tracking run)."""

    def do(email, password=PASSWORD, c=None, **extra):
        c = c or client
        return c.post("/accounts/login/", {"login": email, "password": password, **extra})

    return do


@pytest.fixture
def walker(db):
    """The member the account-page walks (tests/accounts/walk.py) log in as."""
    user = UserFactory(email="walker@example.org", display_name="Wanda Walker")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user
