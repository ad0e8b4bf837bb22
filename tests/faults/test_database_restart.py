"""PostgreSQL restarts under load: every acknowledged comment is kept, refused ones come back."""

import os
from pathlib import Path

import pytest

from tests.faults.database_restart import run
from tests.faults.stack import Portal, PrivatePostgres, postgres_bin

pytestmark = pytest.mark.faults
SUMMARY = Path("test-results/faults/database_restart.txt")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("PORTAL_CI") == "1"


@pytest.fixture(scope="module")
def report():
    if postgres_bin() is None:
        if in_ci():
            pytest.fail("PostgreSQL's server binaries (initdb, pg_ctl) are needed under CI")
        pytest.skip("PostgreSQL's server binaries (initdb, pg_ctl) are not installed")
    with PrivatePostgres() as database:
        portal = Portal(database.url)
        seed = portal.seed()
        with portal:
            result = run(portal, database, seed)
    SUMMARY.parent.mkdir(parents=True, exist_ok=True)
    SUMMARY.write_text("\n".join(result.lines()) + "\n")
    return result


def test_the_load_really_went_through_an_outage(report):
    assert len(report.acknowledged) > 20
    assert report.statuses[503] > 0, report.lines()


def test_every_acknowledged_comment_is_stored(report):
    assert set(report.acknowledged) <= report.stored


def test_no_request_failed_with_a_server_error(report):
    assert report.statuses[500] == 0, report.lines()
    assert not [status for status in report.statuses if isinstance(status, str)], report.lines()


def test_refused_comments_came_back_with_their_text(report):
    assert report.handed_back > 0
    assert report.lost_text == []


def test_the_portal_serves_again_within_seconds_without_a_restart(report):
    assert report.recovery_seconds is not None, report.lines()
    assert report.recovery_seconds < 5
