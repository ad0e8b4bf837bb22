"""bin/restore-check restores a pg_dump into a scratch database and verifies it."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import PostFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [
    pytest.mark.skipif(not settings.USING_POSTGRES, reason="a PostgreSQL backup check"),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump is not installed"),
]


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def restore_check(dump: Path, source: str) -> subprocess.CompletedProcess:
    scratch = source.rsplit("/", 1)[0] + f"/{connection.settings_dict['NAME']}_restore_check"
    return subprocess.run(
        [sys.executable, "bin/restore-check", str(dump), "--scratch", scratch, "--source", source],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def backup(transactional_db, tmp_path):
    """A pg_dump of the test database holding one member and one post; its source URL."""
    UserFactory()
    PostFactory()
    source = database_url()
    dump = tmp_path / "portal.dump"
    subprocess.run(["pg_dump", "--format=custom", "--file", str(dump), source], check=True)
    return dump, source


def test_a_fresh_dump_restores_with_every_table_row_and_migration(backup):
    result = restore_check(*backup)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK." in result.stdout


def test_a_dump_missing_recent_rows_fails_the_check(backup):
    PostFactory()  # written after the backup: the restore no longer matches the source

    result = restore_check(*backup)

    assert result.returncode == 1
    assert "FAIL posts_post: 1 rows restored, 2 in source" in result.stdout
