"""Getting a person signed in without walking through the forms each time.

Journeys that are about signing in (member sign-up, editor admin login) use the
real forms; the others start already signed in.
"""

import re

from django.conf import settings
from django.test import Client

from accounts.models import User

# The save toggle's accessible name: "Save: <title>" or "Saved: <title>" (an icon may lead).
SAVE = re.compile(r"\bSave\b")
SAVED = re.compile(r"\bSaved\b")


def log_in(tab, email: str) -> None:
    """Give the tab's browser a session cookie for this person."""
    client = Client()
    client.force_login(User.objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": tab.base_url}]
    )
