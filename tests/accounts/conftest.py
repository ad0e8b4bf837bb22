import re

import pytest

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
