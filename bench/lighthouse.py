"""Lighthouse (mobile preset) on the portal's indexable pages: the four category scores.

Lighthouse 12.2.3 comes from npm, pinned in bench/lighthouse/package-lock.json (13.x needs
Node 22); Chromium is Debian's.

    npm ci --prefix bench/lighthouse --ignore-scripts
    .venv/bin/python bench/lighthouse.py --serve [--runs 3] [--only home,post]

--serve starts the portal itself as production runs it (debug off, gunicorn, static files
collected), on SQLite in test-results/lighthouse/var with the demo loaded and its PDFs
rendered, and PORTAL_SERVE_MEDIA=1 so portraits and pictures load (nginx or the S3 bucket
serves them in production). Or pass the address of a server you run the same way
(PORTAL_SERVE_MEDIA=1 included, or every portrait is a 404 and Best Practices drops):

    .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000

Prints one line per page (the median of --runs) and the goal: Performance ≥ 98,
Accessibility, Best Practices and SEO 100. The search page is noindex by design, so its
SEO score (is-crawlable fails) is shown but not judged. Reports are kept in
test-results/lighthouse/. Without nginx in front, HTML is not gzipped, so
uses-text-compression shows a saving that production's nginx makes.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

from pages import start  # bench/pages.py (this script's folder is on sys.path)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
RESULTS = HERE.parent / "test-results" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOAL = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
NOINDEX = {"search"}  # results pages ask robots not to index them
SERVE_PORT = 9190


def first_link(base: str, path: str, marker: str) -> str:
    """The first link on `path` whose address starts with `marker` (a post, a topic, an author)."""
    html = urllib.request.urlopen(base + path, timeout=30).read().decode()
    start = html.index(f'href="{marker}') + len('href="')
    return html[start : html.index('"', start)]


def pages(base: str) -> dict[str, str]:
    post = first_link(base, "/", "/posts/")
    return {
        "home": "/",
        "post": post,
        "topic": first_link(base, post, "/topics/"),
        "author": first_link(base, post, "/authors/"),
        "trending": "/topics/",
        "search": "/search/?q=migration",
        "about": "/pages/about/",
        "post (ka)": first_link(base, "/ka/", "/ka/posts/"),
        "post (hy)": first_link(base, "/hy/", "/hy/posts/"),
    }


def serve() -> subprocess.Popen:
    """The portal with production settings on SERVE_PORT, media served by Django."""
    var = RESULTS / "var"
    shutil.rmtree(var, ignore_errors=True)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": "",  # SQLite in PORTAL_VAR_DIR
        "REDIS_URL": "",
        "PORTAL_VAR_DIR": str(var),
        "PORTAL_SERVE_MEDIA": "1",
        "PORTAL_LOG_LEVEL": "WARNING",
    }
    # Static files before the demo: with debug off, PDF names come from the manifest.
    for command in (
        ["migrate", "--noinput"],
        ["collectstatic", "--noinput"],
        ["load_demo"],
        ["db_worker", "--batch", "--no-startup-delay"],  # the demo's queued PDFs
    ):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    return start("portal.wsgi:application", SERVE_PORT, env)  # gunicorn as bench/pages.py runs it


def run(url: str, report: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    # Lighthouse 12 with Debian's Chromium now and then loses the trace (NO_NAVSTART):
    # that run measured nothing, so it is run again rather than counted.
    for attempt in range(3):
        if subprocess.run(command, env=env, timeout=300).returncode == 0:
            break
        print(f"  {url}: Lighthouse failed (attempt {attempt + 1} of 3)", file=sys.stderr)
    else:
        raise SystemExit(f"Lighthouse failed three times on {url}")
    data = json.loads(report.read_text())
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores["cls"] = data["audits"]["cumulative-layout-shift"]["numericValue"]
    scores["failing"] = sorted(
        audit_id
        for audit_id, audit in data["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    )
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", help="a running server, e.g. http://127.0.0.1:8000")
    parser.add_argument("--serve", action="store_true", help="start the portal itself")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    parser.add_argument("--only", help="comma-separated page names, e.g. 'home,post'")
    args = parser.parse_args()
    if bool(args.base) == args.serve:
        parser.error("give a server's address or --serve")
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix bench/lighthouse --ignore-scripts")
    RESULTS.mkdir(parents=True, exist_ok=True)
    server = serve() if args.serve else None
    try:
        return measure((args.base or f"http://127.0.0.1:{SERVE_PORT}").rstrip("/"), args)
    finally:
        if server:
            server.terminate()
            server.wait()


def measure(base: str, args) -> int:
    wanted = pages(base)
    if args.only:
        wanted = {name: wanted[name] for name in args.only.split(",")}
    met = True
    print(f"{'page':10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'CLS':>6}  failing audits")
    for name, path in wanted.items():
        runs = [run(base + path, RESULTS / f"{name}-{i}.json") for i in range(args.runs)]
        median = {key: statistics.median(r[key] for r in runs) for key in [*CATEGORIES, "cls"]}
        failing = sorted({audit for r in runs for audit in r["failing"]})
        scores = " ".join(f"{median[key]:5.0f}" for key in CATEGORIES)
        note = " (noindex: SEO not judged)" if name in NOINDEX else ""
        print(f"{name:10} {scores} {median['cls']:6.3f}  {', '.join(failing) or '-'}{note}")
        judged = [key for key in CATEGORIES if not (key == "seo" and name in NOINDEX)]
        met &= all(median[key] >= GOAL[key] for key in judged)
    print("goal (98/100/100/100):", "met" if met else "not met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
