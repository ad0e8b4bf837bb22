"""`make run` prints emails to the terminal with their links intact."""

import io
import os
import subprocess
import sys
from pathlib import Path

from django.core.mail import EmailMultiAlternatives

from portal.mail import ReadableConsoleBackend

ROOT = Path(__file__).resolve().parents[2]
LINK = "http://127.0.0.1:8000/accounts/confirm-email/" + "Mg:1vQx7h:" + "a" * 60 + "/"


def test_long_links_print_whole_without_quoted_printable_escapes():
    message = EmailMultiAlternatives(
        "Confirm your email address",
        f"Open this link:\n\n{LINK}\n",
        "portal@example.org",
        ["new@example.org"],
    )
    message.attach_alternative(f'<a href="{LINK}">confirm</a>', "text/html")
    stream = io.StringIO()

    assert ReadableConsoleBackend(stream=stream).send_messages([message]) == 1

    printed = stream.getvalue()
    assert LINK in printed.splitlines()
    assert "=3D" not in printed and "=\n" not in printed
    assert "Subject: Confirm your email address" in printed
    assert "To: new@example.org" in printed


def test_debug_uses_the_readable_console():
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PORTAL_", "EMAIL_"))
    }
    code = "from django.conf import settings; print(settings.MAILERS['default']['BACKEND'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**env, "DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "portal.mail.ReadableConsoleBackend", result.stderr
