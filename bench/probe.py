"""The benchmark's look inside the portal: run with the portal's settings by bench/pages.py.

    probe.py prepare   -> JSON: the pages to measure and a member's session cookie (name=value)
    probe.py queries   -> JSON: queries per page, rendered fresh and served from the cache

A separate process from the servers, so it shares only the database and Redis with them.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

MEMBER_EMAIL = "reader@example.org"
SAVED_POSTS = 3


def pages() -> dict:
    from posts.demo import diaspora
    from posts.models import Post

    post = Post.objects.published().get(slug=diaspora.SLUG)
    topic = post.tags.order_by("slug").first()
    author = post.ordered_authors[0]
    return {
        "post": post.get_absolute_url(),
        "home": "/",
        "topic": f"/topics/{topic.slug}/",
        "author": author.get_absolute_url(),
        "trending": "/topics/",
        "search": "/search/?q=diaspora",
        "member post": post.get_absolute_url(),
        "my saved posts": "/saved/",
        "cached PDF": f"{post.get_absolute_url()}pdf/",
    }


def member_session() -> str:
    """A signed-in session for the demo member, with a few saved posts, as a login would make."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User
    from posts.models import Post
    from saved.models import SavedPost

    member = User.objects.get(email=MEMBER_EMAIL)
    for post in Post.objects.published().order_by("-published_at")[:SAVED_POSTS]:
        SavedPost.objects.get_or_create(user=member, post=post)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(member.pk)
    session[BACKEND_SESSION_KEY] = "accounts.backends.ModelBackend"
    session[HASH_SESSION_KEY] = member.get_session_auth_hash()
    session.create()
    return session.session_key


def query_counts(urls: dict, session_key: str) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal import generations

    member = Client()
    member.cookies[settings.SESSION_COOKIE_NAME] = session_key
    counts = {}
    for name, url in urls.items():
        client = member if name in {"member post", "my saved posts"} else Client()
        if name != "cached PDF":
            generations.bump()  # rendered fresh first, then served as readers mostly get it
        found = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            assert status == 200, (name, url, status)
            found.append(len(queries))
        counts[name] = found
    return counts


def main() -> None:
    import django

    django.setup()
    if sys.argv[1] == "prepare":
        from django.conf import settings

        session = member_session()
        cookie = f"{settings.SESSION_COOKIE_NAME}={session}"  # __Host-sessionid in production
        print(json.dumps({"pages": pages(), "session": session, "cookie": cookie}))
    else:
        data = json.loads(sys.stdin.read())
        print(json.dumps(query_counts(data["pages"], data["session"])))


if __name__ == "__main__":
    main()
