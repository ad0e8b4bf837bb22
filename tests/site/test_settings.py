import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.logging import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("extra_env", "message"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "portal.example"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": "x" * 60}, "DJANGO_ALLOWED_HOSTS"),
        (
            {"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "portal.example"},
            "DJANGO_SECRET_KEY",
        ),
    ],
)
def test_production_refuses_to_start_without_secrets(extra_env, message):
    result = run_check(extra_env)

    assert result.returncode != 0
    assert message in result.stderr


def test_production_settings_pass_the_deploy_check():
    result = run_check(
        {
            "DJANGO_SECRET_KEY": "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz",
            "DJANGO_ALLOWED_HOSTS": "portal.example",
        }
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_json_log_lines_are_parseable():
    record = logging.LogRecord(
        "portal", logging.ERROR, __file__, 1, "Disk %s full", ("/var",), None
    )

    entry = json.loads(JsonFormatter().format(record))

    assert entry["level"] == "ERROR"
    assert entry["message"] == "Disk /var full"


def test_media_on_another_origin_is_allowed_by_the_content_security_policy():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_"))}
    env.update(
        DJANGO_DEBUG="1",
        PORTAL_S3_MEDIA_BUCKET="media",
        PORTAL_S3_MEDIA_URL="https://media.portal.example/media/",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import portal.settings as s; print(s.SECURE_CSP['img-src'])"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert "https://media.portal.example'" in result.stdout, result.stderr
