"""A private PostgreSQL cluster and the portal under gunicorn, for fault tests.

The cluster is the machine's PostgreSQL binaries with a data folder of our own
on a free port, so restarting it disturbs nothing else on the machine.
"""

import glob
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PrivatePostgres:
    """initdb + pg_ctl in a temporary folder, run as the postgres user when we are root."""

    def __init__(self):
        self.bin = postgres_bin()
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self) -> None:
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60",
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def __enter__(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        return self

    def __exit__(self, *exc):
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


SEED = """
import json
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.utils import timezone
from accounts.models import User
from posts.models import Post

user = User.objects.create_user(email="writer@example.org", password="x", display_name="Wanda")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
post = Post.objects.create(
    title="Remittances and resilience", slug="remittances", summary="A field note.",
    body="<p>Body.</p>", status="published", published_at=timezone.now(),
)
client = Client()
client.force_login(user)
print(json.dumps({
    "slug": post.slug,
    "session": [settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value],
}))
"""


class Portal:
    """The portal with production settings under gunicorn, against ``database_url``."""

    def __init__(self, database_url: str):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))},
            "DATABASE_URL": database_url,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "REDIS_URL": "",
            "PORTAL_COMMENTS_MIN_INTERVAL_SECONDS": "0",
            "PORTAL_COMMENTS_NEW_ACCOUNT_DAILY_LIMIT": "100000",
            "PORTAL_COMMENTS_MIN_FILL_SECONDS": "0",
        }
        self.folder = Path(tempfile.mkdtemp(prefix="portal-faults-app-"))
        self.env["STATIC_ROOT"] = str(self.folder / "static")
        self.env["PORTAL_VAR_DIR"] = str(self.folder)
        self.process = None

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True,
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        return result.stdout

    def seed(self) -> dict:
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        return json.loads(self.manage("shell", "-c", SEED).strip().splitlines()[-1])

    def __enter__(self):
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{self.port}",
             "-w", "2", "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL,
            stderr=(self.folder / "gunicorn.log").open("w"),
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.base}/healthz", timeout=5).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /healthz within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
