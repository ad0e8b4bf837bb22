"""Requests per second of the portal's pages against a bare Django hello-world.

    make bench                      # or: .venv/bin/python bench/pages.py [--rounds 3] [--seconds 5]

Both run under the same gunicorn settings (sync, --workers 2) with production
settings (debug off); the portal on PostgreSQL (database portal_bench: migrated,
loaded with the demo, its queued PDFs rendered) and Redis (db 9). Rounds alternate
hello-world and each page, so load from elsewhere on the machine hits both alike. Needs wrk; prints
req/s, the ratio to hello-world (mean, min–max over rounds), p50/p99 under 32
connections, and each page's queries (rendered fresh / as served again).
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
HELLO_PORT, PORTAL_PORT = 9101, 9102
GUNICORN = ["--workers", "2", "--worker-class", "sync", "--log-level", "warning"]
MEMBER_PAGES = {"member post", "my saved posts"}
GOALS = {"member post": 0.1, "my saved posts": 0.1, "cached PDF": 0.5}  # others: 0.5


def portal_env(args) -> dict:
    var = ROOT / "var" / "bench"
    return {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "PORTAL_VAR_DIR": str(var),
        "PORTAL_LOG_LEVEL": "WARNING",
    }


def run(cmd, env, **kwargs) -> str:
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, text=True, **kwargs).stdout


def prepare_portal(env, args) -> dict:
    name = args.database_url.rsplit("/", 1)[1]
    admin_url = args.database_url.rsplit("/", 1)[0] + "/postgres"
    check = f"import psycopg; c=psycopg.connect('{admin_url}', autocommit=True); "
    check += f"c.execute('CREATE DATABASE {name}') if not c.execute("
    check += f"\"SELECT 1 FROM pg_database WHERE datname='{name}'\").fetchone() else None"
    run([PY, "-c", check], env)
    manage = [PY, "manage.py"]
    # Static files first: with debug off, the demo's PDF file names come from the manifest.
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_demo"]):
        run([*manage, *command, "-v", "0"], env, stdout=subprocess.DEVNULL)
    # Render the PDFs the demo queued, so the PDF round measures a stored PDF, not a 202.
    run([*manage, "db_worker", "--batch", "--no-startup-delay"], env, stdout=subprocess.DEVNULL)
    return json.loads(run([PY, "bench/probe.py", "prepare"], env, capture_output=True))


def start(module: str, port: int, env) -> subprocess.Popen:
    cmd = [PY, "-m", "gunicorn", module, "--bind", f"127.0.0.1:{port}", *GUNICORN]
    process = subprocess.Popen(cmd, env=env, cwd=ROOT)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit(f"{module} did not answer on port {port}")


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(url: str, connections: int, seconds: int, cookie: str = "") -> dict:
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", url]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    out = subprocess.run(cmd, check=True, text=True, capture_output=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {
        pct: float(value) * UNITS[unit]
        for pct, value, unit in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    return {"rate": rate, "p50": latency.get("50"), "p99": latency.get("99")}


def measure(targets: dict, cookie: str, args) -> tuple[dict, dict]:
    """Alternate hello-world and each page; return req/s per round and a 32-connection pass."""
    hello = f"http://127.0.0.1:{HELLO_PORT}/"
    rates = {name: [] for name in ["hello-world", *targets]}
    for round_number in range(args.rounds):
        for name, url in targets.items():
            rates["hello-world"].append(wrk(hello, 8, args.seconds)["rate"])
            member = name in MEMBER_PAGES
            rates[name].append(wrk(url, 8, args.seconds, cookie if member else "")["rate"])
        print(f"round {round_number + 1}/{args.rounds} done", file=sys.stderr)
    tails = {"hello-world": wrk(hello, 32, args.seconds)}
    for name, url in targets.items():
        member = name in MEMBER_PAGES
        tails[name] = wrk(url, 32, args.seconds, cookie if member else "")
    return rates, tails


def report(rates: dict, tails: dict, queries: dict) -> None:
    hello = rates["hello-world"]
    base = sum(hello) / len(hello)
    print(
        f"\n{'page':<16}{'req/s':>8}{'× hello':>9}{'min–max':>13}{'goal':>6}"
        f"{'p50 ms':>8}{'p99 ms':>8}{'p99/p50':>8}{'queries':>9}"
    )
    for name, found in rates.items():
        mean = sum(found) / len(found)
        # Each round's page against the hello-world run right before it: the ratio's spread.
        ratios = [1.0]
        if name != "hello-world":
            ratios = [r / h for r, h in zip(found, _paired(hello, rates, name), strict=True)]
        goal = GOALS.get(name, 0.5) if name != "hello-world" else 1
        tail = tails[name]
        fresh_hit = "/".join(map(str, queries.get(name, []))) or "-"
        print(
            f"{name:<16}{mean:>8.0f}{mean / base:>9.3f}{min(ratios):>6.3f}–{max(ratios):<6.3f}"
            f"{goal:>6}{tail['p50']:>8.2f}{tail['p99']:>8.2f}"
            f"{tail['p99'] / max(tail['p50'], 0.001):>8.1f}{fresh_hit:>9}"
        )
    print(
        "\nqueries: rendered fresh / served again (anonymous pages then come from the page cache)"
    )


def _paired(hello: list, rates: dict, name: str) -> list:
    """The hello-world figures measured right before each round of this page."""
    names = [n for n in rates if n != "hello-world"]
    index = names.index(name)
    return [hello[r * len(names) + index] for r in range(len(rates[name]))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="per wrk run")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/portal_bench")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("--only", help="comma-separated page names, e.g. 'member post,home'")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk")

    env = portal_env(args)
    prepared = prepare_portal(env, args)
    if args.only:
        wanted = {name.strip() for name in args.only.split(",")}
        prepared["pages"] = {k: v for k, v in prepared["pages"].items() if k in wanted}
    queries = json.loads(
        run([PY, "bench/probe.py", "queries"], env, input=json.dumps(prepared), capture_output=True)
    )
    servers = [
        start("bench.hello.wsgi:application", HELLO_PORT, {**os.environ}),
        start("portal.wsgi:application", PORTAL_PORT, env),
    ]
    try:
        base = f"http://127.0.0.1:{PORTAL_PORT}"
        targets = {name: base + path for name, path in prepared["pages"].items()}
        cookie = prepared["cookie"]
        for name, url in targets.items():  # warm: the PDF rendered, pages cached
            member = name in MEMBER_PAGES
            request = urllib.request.Request(url, headers={"Cookie": cookie} if member else {})
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
                # A member page must be rendered for the member, not the login page or a shared copy.
                if response.url != url or member != (
                    "private" in response.headers.get("Cache-Control", "")
                ):
                    raise SystemExit(
                        f"{name}: not the page meant ({response.url}, {response.headers})"
                    )
        rates, tails = measure(targets, cookie, args)
    finally:
        for server in servers:
            server.terminate()
            server.wait()
    report(rates, tails, queries)


if __name__ == "__main__":
    main()
