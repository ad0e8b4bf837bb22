"""Benchmark PDFs: a post's cold and warm render, the stored PDF's response, the reading pack.

Run against a database with the demo loaded (``manage.py load_demo``):

    PORTAL_VAR_DIR=/tmp/x DJANGO_DEBUG=1 .venv/bin/python bench/pdf.py [--slug SLUG] [--runs 10]

Without --slug it takes the longest published post (the demo's diaspora brief).
Renders run the way the task queue runs them (posts.printing.tasks); the
responses go through middleware, URL routing and the views, as a reader's do.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def timed(function, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of ``runs`` calls (CPU time: a busy shared machine inflates it less)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def line(label: str, wall: list[float], cpu: list[float], unit=1.0, suffix="s") -> str:
    median = statistics.median(wall) * unit
    return (
        f"{label:<24}{median:.3f} {suffix} median of {len(wall)}"
        f" (min {min(wall) * unit:.3f}, max {max(wall) * unit:.3f};"
        f" CPU median {statistics.median(cpu) * unit:.3f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", help="post to render (default: the longest published post)")
    parser.add_argument("--runs", type=int, default=10, help="warm renders and requests")
    parser.add_argument("--pack", type=int, default=10, help="posts in the reading pack")
    args = parser.parse_args()

    import django

    django.setup()

    from django.core.cache import caches
    from django.db.models.functions import Length
    from django.test import Client
    from django.urls import reverse
    from pypdf import PdfReader

    from accounts.models import User
    from posts.models import Post
    from posts.printing import store
    from posts.printing.render import render_post_pdf
    from posts.printing.tasks import ensure_post_pdf
    from saved.models import SavedPost
    from saved.pack import forget_reading_packs

    posts = Post.objects.published()
    if args.slug:
        post = posts.get(slug=args.slug)
    else:
        post = posts.annotate(length=Length("body")).order_by("-length").first()
    if post is None:
        sys.exit("No published post: run manage.py load_demo first.")

    started = time.perf_counter()
    pdf = render_post_pdf(Post.objects.get(pk=post.pk), True)
    cold = time.perf_counter() - started
    # A fresh Post each time: nothing prefetched, as in a task.
    warm, warm_cpu = timed(lambda: render_post_pdf(Post.objects.get(pk=post.pk), True), args.runs)
    pages = len(PdfReader(__import__("io").BytesIO(pdf)).pages)

    # The stored PDF, through the whole request (hello-world-sized work is the goal).
    ensure_post_pdf(post, True)
    client = Client()
    url = reverse("posts:pdf", args=[post.slug])
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.streaming_content)
    served, served_cpu = timed(
        lambda: b"".join(client.get(url).streaming_content), max(args.runs, 50)
    )

    # /healthz (no database, a few bytes): the hello-world of this process, same middleware.
    hello, hello_cpu = timed(lambda: client.get("/healthz"), max(args.runs, 50))

    # The reading pack of --pack posts whose PDFs are stored: cover, contents, merge.
    member, _ = User.objects.get_or_create(email="bench-pack@example.org")
    SavedPost.objects.filter(user=member).delete()
    pack_posts = list(posts.order_by("-published_at", "-pk")[: args.pack])
    for pack_post in pack_posts:
        SavedPost.objects.create(user=member, post=pack_post)
        ensure_post_pdf(pack_post, True)
    client.force_login(member)

    def fresh_pack():
        forget_reading_packs(User, member)  # on commit: autocommit here, so at once
        caches["default"].delete_many([f"ratelimit:reading-pack:{member.pk}"])
        response = client.get(reverse("saved:reading_pack"))
        assert response.status_code == 200, response.status_code
        b"".join(response.streaming_content)

    pack, pack_cpu = timed(fresh_pack, max(3, args.runs // 3))
    SavedPost.objects.filter(user=member).delete()

    print(f"post:                   {post.slug} ({len(post.body):,} characters, {pages} pages)")
    print(
        f"cold render:            {cold:.3f} s (first in this process, WeasyPrint import included)"
    )
    print(line("warm render:", warm, warm_cpu))
    print(f"per page:               {statistics.median(warm) / pages:.3f} s warm median")
    print(line("stored PDF response:", served, served_cpu, 1000, "ms"))
    print(line("/healthz response:", hello, hello_cpu, 1000, "ms"))
    ratio = statistics.median(hello_cpu) / statistics.median(served_cpu)
    print(f"                        stored PDF ≈ {ratio:.2f}× /healthz (CPU medians)")
    print(line(f"pack of {len(pack_posts)} (stored):", pack, pack_cpu))
    print(
        f"PDF size:               {size / 1024:.1f} KiB; cache {caches['default'].__class__.__name__}"
    )
    print(f"load average            {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    store.prune(f"packs/{member.pk}", keep=set())


if __name__ == "__main__":
    main()
