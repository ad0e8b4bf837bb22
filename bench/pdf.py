"""Benchmark the post PDF: cold render, warm renders, cached response, size.

Run against a database with the demo loaded (``manage.py load_demo``):

    PORTAL_VAR_DIR=/tmp/x DJANGO_DEBUG=1 .venv/bin/python bench/pdf.py [--slug SLUG] [--runs 10]

Without --slug it takes the longest published post (the demo's diaspora brief).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slug", help="post to render (default: the longest published post)")
    parser.add_argument("--runs", type=int, default=10, help="warm renders and cached requests")
    args = parser.parse_args()

    import django

    django.setup()

    from django.core.cache import cache, caches
    from django.db.models.functions import Length
    from django.test import Client, RequestFactory
    from django.urls import reverse

    from posts.models import Post
    from posts.printing.render import post_cache_key, render_post_pdf, site_origin

    posts = Post.objects.published()
    if args.slug:
        post = posts.get(slug=args.slug)
    else:
        post = posts.annotate(length=Length("body")).order_by("-length").first()
    if post is None:
        sys.exit("No published post: run manage.py load_demo first.")
    post = posts.for_post_page().get(pk=post.pk)
    request = RequestFactory().get(reverse("posts:pdf", args=[post.slug]))

    started = time.perf_counter()
    pdf = render_post_pdf(request, post)
    cold = time.perf_counter() - started

    # Wall time, and CPU time, which a busy shared machine inflates much less.
    warm, warm_cpu = [], []
    for _ in range(args.runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        render_post_pdf(request, post)
        warm.append(time.perf_counter() - started)
        warm_cpu.append(time.process_time() - started_cpu)

    # Cached: the full request through middleware, URL routing and the view.
    client = Client()
    url = reverse("posts:pdf", args=[post.slug])
    cache.delete(post_cache_key(post, site_origin(request)))
    first = client.get(url)
    assert first.status_code == 200 and first.content.startswith(b"%PDF"), first.status_code
    cached = []
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.get(url)
        cached.append(time.perf_counter() - started)
        assert response.content == first.content

    from io import BytesIO

    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(pdf)).pages)
    print(f"post:            {post.slug} ({len(post.body):,} characters of body, {pages} pages)")
    print(f"cold render:     {cold:.3f} s (first in this process, WeasyPrint import included)")
    print(
        f"warm render:     {statistics.median(warm):.3f} s median of {args.runs}"
        f" (min {min(warm):.3f}, max {max(warm):.3f}; CPU median {statistics.median(warm_cpu):.3f})"
    )
    print(
        f"cached response: {statistics.median(cached) * 1000:.1f} ms median of {args.runs}"
        f" (max {max(cached) * 1000:.1f} ms, {caches['default'].__class__.__name__})"
    )
    print(
        f"per page:        {statistics.median(warm) / pages:.3f} s warm median"
        f" (3 pages ~ {3 * statistics.median(warm) / pages:.2f} s); load average"
        f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"PDF size:        {len(pdf) / 1024:.1f} KiB")


if __name__ == "__main__":
    main()
