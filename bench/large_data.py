"""Pages at 100,000 posts against the demo: queries and in-process time, side by side.

Prepare two PostgreSQL databases, one with the demo and one with the demo plus
the large data set (see the README's "Large data" section), then:

    .venv/bin/python bench/large_data.py \\
        --small postgres://postgres@127.0.0.1:5432/portal_small \\
        --large postgres://postgres@127.0.0.1:5432/portal_large

Each database is measured in a child process (settings are per process) in the
same run; every page is requested once to warm up, then --runs times with the
Django test client (middleware, view and templates included, no HTTP server).
Before each timed request the content generation is bumped (portal/generations.py),
so every cached page and fragment is stale: the figures are page-cache misses, the
work a page costs after any content change. --hits also measures each page served
again without a bump (anonymous readers' pages then come from the page cache).
The demo's members have saved nothing: for the run, one saves the newest 15 posts.
--rounds measures both databases in turn several times and keeps each page's
fastest median, so a burst of load from elsewhere does not land on one side only.
The table shows queries and median milliseconds for both, and their ratios.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BORROWED_SAVES = 15  # more than a page of My saved posts
sys.path.insert(0, str(ROOT))


def pages():
    """(name, url, persona) for every page measured; personas: None, "member", "editor"."""
    from django.db.models import Count
    from django.urls import reverse

    from portal.large_data import saved_post_model
    from posts.models import Post
    from posts.sitemaps import PostSitemap

    posts = Post.objects.published()
    post = posts.filter(slug__icontains="diaspora").first() or posts.first()
    topic = post.tags.order_by("slug").first()
    author = post.authors.order_by("slug").first()
    saves = saved_post_model().objects.values("user").annotate(n=Count("pk")).order_by("-n")
    member_id = saves[0]["user"] if saves else None  # the member with the longest list
    return member_id, [
        ("home", reverse("posts:latest"), None),
        ("home, page 2", reverse("posts:latest") + "?page=2", None),
        ("post", post.get_absolute_url(), None),
        ("post (member)", post.get_absolute_url(), "member"),
        ("topic", reverse("posts:topic", args=[topic.slug]), None),
        ("author", reverse("posts:author", args=[author.slug]), None),
        ("trending", reverse("posts:trending"), None),
        ("search", reverse("posts:search") + "?q=diaspora", None),
        ("search, 2 words", reverse("posts:search") + "?q=diaspora+remittances", None),
        ("feed: latest", reverse("posts:feed_latest"), None),
        ("feed: latest atom", reverse("posts:feed_latest_atom"), None),
        ("feed: topic", reverse("posts:feed_topic", args=[topic.slug]), None),
        ("feed: author", reverse("posts:feed_author", args=[author.slug]), None),
        ("sitemap index", reverse("sitemap"), None),
        ("sitemap: posts p1", reverse("sitemap_section", args=["posts"]), None),
        (
            "sitemap: posts, last file",
            reverse("sitemap_section", args=["posts"]) + f"?p={PostSitemap().files()}",
            None,
        ),
        ("sitemap: topics", reverse("sitemap_section", args=["topics"]), None),
        ("sitemap: authors", reverse("sitemap_section", args=["authors"]), None),
        ("my saved posts", reverse("saved:list"), "member"),
        ("admin: posts", reverse("admin:posts_post_changelist"), "editor"),
        ("admin: moderation queue", reverse("admin:comments_comment_changelist"), "editor"),
        (
            "admin: all comments",
            reverse("admin:comments_comment_changelist") + "?status=all",
            "editor",
        ),
    ]


def timed(client, url: str, runs: int, before=None) -> dict:
    """The usual query count (the database cache sometimes culls) and the median ms."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, counts = [], []
    for _ in range(runs):
        if before:
            before()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url, secure=True, HTTP_USER_AGENT="Mozilla/5.0 bench")
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append(time.perf_counter() - started)
        counts.append(len(queries))
        assert response.status_code == 200, (url, response.status_code)
    return {"queries": statistics.mode(counts), "ms": statistics.median(times) * 1000}


def measure(runs: int, hits: bool) -> dict:
    """Run inside the child: one database, every page, plus the periodic tasks."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from accounts.models import User
    from portal import generations
    from portal.large_data import saved_post_model
    from posts.counting import flush_activity_counts
    from posts.models import Post
    from posts.trending import refresh_trending_snapshot

    call_command("collectstatic", interactive=False, verbosity=0)  # production settings need it
    results = {"posts": Post.objects.count()}
    started = time.perf_counter()
    results["topics ranked"] = refresh_trending_snapshot()
    results["compute_trending s"] = round(time.perf_counter() - started, 3)

    member_id, targets = pages()
    clients = {None: Client(), "member": Client(), "editor": Client()}
    members = User.objects.filter(is_staff=False).order_by("pk")
    member = members.filter(pk=member_id).first() or members.first()
    clients["member"].force_login(member)
    saved = saved_post_model().objects.filter(user=member)
    # The demo's members have saved nothing, and an empty list skips the cards' queries:
    # for this run the member saves the newest posts (removed again at the end).
    borrowed = [] if saved.exists() else save_for_the_run(member, BORROWED_SAVES)
    results["saved posts of the member"] = saved.count()
    editor = (
        User.objects.filter(is_superuser=True).first()
        or User.objects.filter(is_staff=True, groups__name="Editors").first()
    )
    clients["editor"].force_login(editor)
    try:
        for name, url, persona in targets:
            client = clients[persona]
            timed(client, url, 1)  # warm: templates, the member's session, the visit counted
            # Outside a transaction, bump() moves the generation at once (and looks up the
            # next scheduled post for it, as the first page after a change would not).
            results[name] = timed(client, url, runs, before=generations.bump)
            if hits:
                results[f"{name} (hit)"] = timed(client, url, runs)
    finally:
        saved_post_model().objects.filter(pk__in=borrowed).delete()
    started = time.perf_counter()
    flush_activity_counts()
    results["flush_view_counts s"] = round(time.perf_counter() - started, 3)
    return results


def save_for_the_run(member, count: int) -> list[int]:
    """Save the newest published posts for ``member``; their ids, to remove them after."""
    from portal.large_data import saved_post_model
    from posts.models import Post

    saved_post = saved_post_model()
    rows = [saved_post(user=member, post=post) for post in Post.objects.published()[:count]]
    return [row.pk for row in saved_post.objects.bulk_create(rows)]


def child(url: str, runs: int, hits: bool) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY", "bench-" + "x" * 60),
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    output = subprocess.run(
        [sys.executable, __file__, "--measure", "--runs", str(runs)] + ["--hits"] * hits,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def table(small: dict, large: dict) -> str:
    lines = [
        f"{'page':30} {'queries':>12} {'small ms':>9} {'large ms':>9} {'× time':>7}",
        "-" * 71,
    ]
    for name, figures in small.items():
        if not isinstance(figures, dict):
            continue
        big = large[name]
        same = "" if figures["queries"] == big["queries"] else " !"
        lines.append(
            f"{name:30} {figures['queries']:>5} → {big['queries']:<4}{same:2}"
            f"{figures['ms']:>9.1f} {big['ms']:>9.1f} {big['ms'] / figures['ms']:>7.2f}"
        )
    for name in small:
        if not isinstance(small[name], dict):
            lines.append(f"{name:30} small {small[name]}, large {large[name]}")
    return "\n".join(lines)


def fastest(kept: dict, new: dict) -> None:
    """Merge a round into ``kept``: each page's fastest median (queries of the last)."""
    for name, figures in new.items():
        if isinstance(figures, dict) and name in kept:
            figures = {**figures, "ms": min(figures["ms"], kept[name]["ms"])}
        kept[name] = figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", help="DATABASE_URL of the demo database")
    parser.add_argument("--large", help="DATABASE_URL of the large database")
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page")
    parser.add_argument(
        "--hits", action="store_true", help="also measure every page served again, unchanged"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="measure both databases in turn this many times; each page keeps its fastest",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.runs, args.hits)))
        return
    if not (args.small and args.large):
        parser.error("--small and --large are required")
    small, large = {}, {}
    for _ in range(args.rounds):  # in turn: load from elsewhere on the machine hits both
        fastest(small, child(args.small, args.runs, args.hits))
        fastest(large, child(args.large, args.runs, args.hits))
    print(table(small, large))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
