"""Lighthouse (mobile preset) on the portal's indexable pages: the four category scores.

Lighthouse 12.2.3 comes from npm, pinned in bench/lighthouse/package-lock.json (13.x needs
Node 22); Chromium is Debian's. Run against a server with the demo loaded, debug off so
static files are served as in production:

    npm ci --prefix bench/lighthouse --ignore-scripts
    .venv/bin/python bench/lighthouse.py http://127.0.0.1:8000 [--runs 3]

Prints one line per page (the median of --runs) and the goal: Performance ≥ 98,
Accessibility, Best Practices and SEO 100. Reports are kept in test-results/lighthouse/.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIGHTHOUSE = HERE / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
RESULTS = HERE.parent / "test-results" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
GOAL = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


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
    }


def run(url: str, report: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
        ],
        check=True,
        env=env,
        timeout=300,
    )
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
    parser.add_argument("base", help="the server's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median is shown")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is missing: npm ci --prefix bench/lighthouse --ignore-scripts")
    base = args.base.rstrip("/")
    RESULTS.mkdir(parents=True, exist_ok=True)

    met = True
    print(f"{'page':10} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'CLS':>6}  failing audits")
    for name, path in pages(base).items():
        runs = [run(base + path, RESULTS / f"{name}-{i}.json") for i in range(args.runs)]
        median = {key: statistics.median(r[key] for r in runs) for key in [*CATEGORIES, "cls"]}
        failing = sorted({audit for r in runs for audit in r["failing"]})
        scores = " ".join(f"{median[key]:5.0f}" for key in CATEGORIES)
        print(f"{name:10} {scores} {median['cls']:6.3f}  {', '.join(failing) or '-'}")
        met &= all(median[key] >= GOAL[key] for key in CATEGORIES)
    print("goal (98/100/100/100):", "met" if met else "not met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
