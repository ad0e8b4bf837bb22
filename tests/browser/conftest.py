"""The real-browser suite: Debian's Chromium driving the portal on a live server.

Locally, a machine without /usr/bin/chromium (or without the HTML checker) skips
these tests and says so in one line at the end of the run; in CI (CI=true or
PORTAL_CI=1) a missing tool is a failure, never a skip.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.browser import tools
from tests.browser.tabs import PageLog, Tab, mirror_axe, prepare_context

# Debian's Chromium; PORTAL_CHROMIUM points elsewhere (or nowhere, to try the skip).
CHROMIUM = Path(os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results" / "browser"

_SKIPPED = pytest.StashKey[dict[str, int]]()
_PAGE_LOG = pytest.StashKey[PageLog]()


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true" or os.environ.get("PORTAL_CI") == "1"


def missing_tool(item) -> str:
    """Why this browser test cannot run here, or "" when it can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    if item.get_closest_marker("vnu") and not tools.vnu_available():
        return f"the Nu HTML Checker is not installed ({tools.VNU_JAR}; run `make test` with npm and java)"
    return ""


def pytest_configure(config):
    config.addinivalue_line("markers", "vnu: needs the Nu HTML Checker (java + vnu-jar)")
    config.stash[_SKIPPED] = {}
    config.stash[_PAGE_LOG] = PageLog()


def pytest_collection_modifyitems(config, items):
    if in_ci():
        return  # CI installs every tool; a missing one must fail loudly.
    skipped = config.stash[_SKIPPED]
    for item in items:
        if not item.get_closest_marker("browser"):
            continue
        reason = missing_tool(item)
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
            skipped[reason] = skipped.get(reason, 0) + 1


def pytest_terminal_summary(terminalreporter, config):
    for reason, count in config.stash[_SKIPPED].items():
        terminalreporter.write_line(
            f"Browser tests skipped ({count}): {reason}. CI never skips them.", yellow=True
        )
    log = config.stash[_PAGE_LOG]
    if log.pages:
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        summary = RESULTS_DIR / "summary.md"
        summary.write_text(log.as_markdown())
        terminalreporter.write_line(f"Browser suite: {log.one_line()}; per page: {summary}")


@pytest.fixture(scope="session")
def page_log(pytestconfig) -> PageLog:
    return pytestconfig.stash[_PAGE_LOG]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: CI must install chromium (see .ci/run).")
    # Playwright's sync API keeps an event loop running in this thread until the
    # session ends; the ORM calls of tests and of pytest-django's database
    # teardown would refuse to run beside it otherwise.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def results_dir() -> Path:
    # Emptied once per run that drives a browser: old screenshots would be mistaken
    # for this run's failures.
    shutil.rmtree(RESULTS_DIR, ignore_errors=True)
    RESULTS_DIR.mkdir(parents=True)
    return RESULTS_DIR


@pytest.fixture
def open_tab(browser, live_server, page_log, results_dir, request):
    """Open a checked tab in a new browser context: open_tab(person, **context_options).

    Each context is a separate person (own cookies). On failure every open
    tab is photographed into test-results/browser/.
    """
    contexts = []
    tabs = []

    def _open(person: str = "reader", *, log: PageLog | None = None, **options) -> Tab:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, accept_downloads=True, **options)
        context.set_default_timeout(10_000)
        prepare_context(context)
        contexts.append(context)
        mirror = None
        if options.get("java_script_enabled") is False:
            mirror_context = browser.new_context(
                base_url=live_server.url, viewport=options["viewport"]
            )
            contexts.append(mirror_context)
            mirror = mirror_axe(mirror_context)
        tab = Tab(
            context.new_page(),
            person=person,
            log=page_log if log is None else log,
            test=request.node.name,
            base_url=live_server.url,
            axe_mirror=mirror,
        )
        tabs.append(tab)
        return tab

    yield _open

    report = getattr(request.node, "rep_call", None)
    if report is None or report.failed:
        for tab in tabs:
            if not tab.page.is_closed():
                name = f"{request.node.name}-{tab.person}.png".replace("[", "-").replace("]", "")
                tab.page.screenshot(path=results_dir / name, full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def library(transactional_db, live_server):
    """A small, demo-like library of posts on the live server's database.

    The live server needs committed data, so each journey runs on a database that
    is emptied afterwards (migration data such as the staff groups included: the
    library puts those back itself).
    """
    from tests.browser.library import build_library

    return build_library()
