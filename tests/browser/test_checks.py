"""The checks every journey relies on do catch what they are meant to catch."""

import pytest

from tests.browser.tabs import PageLog

pytestmark = pytest.mark.browser

# Markup no portal page may have: an image without a text alternative (axe: critical)
# and an inline style (blocked by the Content-Security-Policy).
BROKEN = '<img src="/static/img/logo.svg"><p style="color: red">inline style</p>'


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_page_with_problems_fails_its_check(open_tab, library, javascript):
    tab = open_tab("tester", log=PageLog(), java_script_enabled=javascript)
    tab.goto("/")
    tab.page.evaluate(
        "html => document.querySelector('main').insertAdjacentHTML('beforeend', html)", BROKEN
    )
    # The CSP report is an asynchronous event: wait until the browser has told someone.
    for _ in range(50):
        if tab.console or (javascript and tab.page.evaluate("window.__cspViolations.length")):
            break
        tab.page.wait_for_timeout(20)

    with pytest.raises(AssertionError) as failure:
        tab.check("tampered home")

    message = str(failure.value)
    assert "axe critical: image-alt" in message
    assert "style-src" in message  # as a CSP event with JavaScript, a console error without


def test_a_missing_file_is_a_console_error(open_tab, library):
    tab = open_tab("tester", log=PageLog())
    tab.goto("/")
    tab.page.evaluate(
        "() => { const s = document.createElement('link'); s.rel = 'stylesheet'; s.href = '/static/css/missing.css'; document.head.append(s); }"
    )
    tab.page.wait_for_load_state("networkidle")

    with pytest.raises(AssertionError, match="404"):
        tab.check("home with a missing stylesheet")
