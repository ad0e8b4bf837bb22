"""Comments under load while PostgreSQL restarts: nothing acknowledged is lost.

Run it alone with ``python -m tests.faults.database_restart`` (it prints its
figures), or through pytest (tests/faults/test_database_restart.py), as CI does.
"""

import re
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

import psycopg
import requests

from tests.faults.stack import Portal, PrivatePostgres

WRITERS, READERS = 4, 2
LOAD_BEFORE, OUTAGE, LOAD_AFTER = 3.0, 3.0, 8.0  # seconds


@dataclass
class Report:
    acknowledged: list[str] = field(default_factory=list)
    handed_back: int = 0  # 503 pages that showed the typed text again
    lost_text: list[str] = field(default_factory=list)  # 503s without the text
    statuses: Counter = field(default_factory=Counter)
    database_back_at: float = 0.0
    first_success_after: float | None = None
    stored: set[str] = field(default_factory=set)

    @property
    def recovery_seconds(self) -> float | None:
        if self.first_success_after is None:
            return None
        return max(0.0, self.first_success_after - self.database_back_at)

    def lines(self) -> list[str]:
        missing = len(set(self.acknowledged) - self.stored)
        recovery = self.recovery_seconds
        return [
            f"requests by status: {dict(sorted(self.statuses.items()))}",
            f"comments acknowledged: {len(self.acknowledged)}, stored: "
            f"{len(set(self.acknowledged) & self.stored)}, missing: {missing}",
            f"comments refused during the outage and handed back with their text: "
            f"{self.handed_back} (without it: {len(self.lost_text)})",
            "serving again "
            + (
                f"{recovery:.1f} s after the database came back"
                if recovery is not None
                else "never"
            ),
        ]


class Session:
    """A signed-in member's browser: cookies by hand, since __Host- cookies want HTTPS."""

    def __init__(self, portal: Portal, seed: dict):
        self.portal, self.slug = portal, seed["slug"]
        name, value = seed["session"]
        page = requests.get(f"{portal.base}/posts/{self.slug}/", cookies={name: value}, timeout=10)
        page.raise_for_status()
        received = page.cookies.get_dict()
        csrf_name = next(cookie for cookie in received if cookie.endswith("csrftoken"))
        self.cookies = {name: value, csrf_name: received[csrf_name]}
        html = page.text
        self.csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
        self.rendered = re.search(r'name="rendered" value="([^"]*)"', html)[1]

    def send(self, body: str) -> requests.Response:
        return requests.post(
            f"{self.portal.base}/comments/posts/{self.slug}/new/",
            data={
                "csrfmiddlewaretoken": self.csrf,
                "body": body,
                "token": str(uuid.uuid4()),
                "rendered": self.rendered,
                "parent": "",
            },
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
        )


def run(portal: Portal, database: PrivatePostgres, seed: dict) -> Report:
    report, lock, stop = Report(), threading.Lock(), threading.Event()
    restarted = threading.Event()
    member = Session(portal, seed)

    def record(status) -> None:
        with lock:
            report.statuses[status] += 1

    def write() -> None:
        while not stop.is_set():
            body = f"Field note {uuid.uuid4()}"
            try:
                response = member.send(body)
            except requests.RequestException as error:
                record(type(error).__name__)
                continue
            record(response.status_code)
            with lock:
                if response.status_code == 303:
                    report.acknowledged.append(body)
                    if restarted.is_set() and report.first_success_after is None:
                        report.first_success_after = time.monotonic()
                elif response.status_code == 503:
                    if body in response.text:  # the typed text, shown again to send
                        report.handed_back += 1
                    else:
                        report.lost_text.append(body)
            if response.status_code == 503:
                time.sleep(0.2)  # a person reads the page before sending again

    def read() -> None:
        while not stop.is_set():
            try:
                record(requests.get(f"{portal.base}/posts/{member.slug}/", timeout=30).status_code)
            except requests.RequestException as error:
                record(type(error).__name__)

    threads = [threading.Thread(target=write) for _ in range(WRITERS)]
    threads += [threading.Thread(target=read) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    time.sleep(LOAD_BEFORE)
    database.stop("fast")
    time.sleep(OUTAGE)
    database.start()
    report.database_back_at = time.monotonic()
    restarted.set()
    time.sleep(LOAD_AFTER)
    stop.set()
    for thread in threads:
        thread.join()

    with psycopg.connect(database.url.replace("postgres://", "postgresql://")) as connection:
        rows = connection.execute("SELECT body FROM comments_comment").fetchall()
    report.stored = {body for (body,) in rows}
    return report


def main() -> None:
    with PrivatePostgres() as database:
        portal = Portal(database.url)
        seed = portal.seed()
        with portal:
            report = run(portal, database, seed)
    print("\n".join(report.lines()))


if __name__ == "__main__":
    main()
