"""A browser tab that checks every page a journey stops on.

At each checkpoint: axe-core finds no serious or critical violation, the page
reported no Content-Security-Policy violation and the console no error. Every
checkpoint is logged for the end-of-run summary (test-results/browser/summary.md).
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Response, expect

AXE_JS = Path(__file__).with_name("vendor") / "axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}

# Runs before the page's own scripts in every document, outside the page's CSP.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""

# Violations inside Django's admin that come from Django's own markup or its bundled
# widgets, which the portal's templates cannot change without forking them. They are
# listed in the summary (and the report), not counted as the portal's: rule -> targets.
ADMIN_UPSTREAM = {
    # Tabular inlines head their columns instead of labelling each cell's input, and a
    # file input is grouped under a <legend> rather than given a <label>.
    "label": ("-position", "-DELETE", "#id_attachments-", "#id_featured_image"),
    # The select2 autocomplete and the prose editor's contenteditable carry no name.
    "aria-input-field-name": (".select2-", "#select2-", ".tiptap"),
    # The change list's search box is named by an icon's alt text and a title only.
    "label-title-only": ("#searchbar",),
    # django-prose-editor's toolbar: icon buttons named by their title, greyed when disabled.
    "color-contrast": ('button[title="',),
    "label-content-name-mismatch": ('button[title="',),
}

RUN_AXE = """
async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}
"""


@dataclass
class Checkpoint:
    test: str
    person: str
    name: str
    url: str
    violations: list[dict]
    csp: list[str]
    console: list[str]
    known: list[str] = field(default_factory=list)  # admin violations from upstream markup

    @property
    def blocking(self) -> list[dict]:
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


@dataclass
class PageLog:
    """Every checkpoint of the run, for the summary."""

    pages: list[Checkpoint] = field(default_factory=list)
    html: dict[str, int] = field(default_factory=dict)  # page name -> vnu errors

    def one_line(self) -> str:
        blocking = sum(len(p.blocking) for p in self.pages)
        others = sum(len(p.violations) - len(p.blocking) for p in self.pages)
        csp = sum(len(p.csp) for p in self.pages)
        console = sum(len(p.console) for p in self.pages)
        known = sum(len(p.known) for p in self.pages)
        line = (
            f"axe on {len(self.pages)} page visits: {blocking} serious/critical, "
            f"{others} moderate/minor, {known} known in the admin's own widgets; "
            f"CSP violations {csp}; console errors {console}"
        )
        if self.html:
            line += f"; vnu on {len(self.html)} pages: {sum(self.html.values())} errors"
        return line

    def as_markdown(self) -> str:
        lines = [
            "# Browser suite: pages checked",
            "",
            "| test | person | page | axe serious/critical | axe moderate/minor | CSP | console | known admin (upstream) |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for p in self.pages:
            minor = Counter(v["id"] for v in p.violations if v not in p.blocking)
            lines.append(
                f"| {p.test} | {p.person} | {p.name} | "
                f"{', '.join(v['id'] for v in p.blocking) or 0} | "
                f"{', '.join(f'{k}×{n}' for k, n in minor.items()) or 0} | "
                f"{len(p.csp)} | {len(p.console)} | {', '.join(f'{k}×{n}' for k, n in Counter(k.split()[0] for k in p.known).items()) or 0} |"
            )
        if self.html:
            lines += ["", "| page | vnu errors |", "|---|---|"]
            lines += [f"| {name} | {count} |" for name, count in self.html.items()]
        return "\n".join(lines) + "\n"


def split_known(url: str, violations: list[dict]) -> tuple[list[dict], list[str]]:
    """Separate the admin's known upstream violations from the portal's own."""
    if "/admin/" not in url:
        return violations, []
    own, known = [], []
    for violation in violations:
        markers = ADMIN_UPSTREAM.get(violation["id"], ())
        theirs = [t for t in violation["targets"] if any(m in t for m in markers)]
        known += [f"{violation['id']} at {t}" for t in theirs]
        rest = [t for t in violation["targets"] if t not in theirs]
        if rest:
            own.append({**violation, "targets": rest})
    return own, known


class Tab:
    """A page of a browser context prepared by `prepare_context`."""

    def __init__(
        self, page: Page, *, person: str, log: PageLog, test: str, base_url: str, axe_mirror=None
    ):
        self.page = page
        self.person = person
        self.log = log
        self.test = test
        self.base_url = base_url
        # Without JavaScript axe cannot run in the page; a mirror tab checks the same DOM.
        self.axe_mirror = axe_mirror

    @property
    def console(self) -> list[str]:
        return self.page.context.console_errors

    def popup(self, action) -> "Tab":
        """Do `action` (a click on a target=_blank link) and return the new tab, checked alike."""
        with self.page.context.expect_page() as new_page:
            action()
        tab = Tab(
            new_page.value,
            person=self.person,
            log=self.log,
            test=self.test,
            base_url=self.base_url,
            axe_mirror=self.axe_mirror,
        )
        tab.page.wait_for_load_state("load")
        return tab

    def goto(self, path: str) -> Response:
        response = self.page.goto(path)
        assert response is not None and response.ok, f"{path}: {response and response.status}"
        return response

    def assert_not_found(self, path: str) -> None:
        """The page is a 404 for this person (its console error is the expected one)."""
        response = self.page.goto(path)
        assert response is not None and response.status == 404, response and response.status
        self.console.clear()

    def check(self, name: str, *, heading: str | None = None) -> Checkpoint:
        """Check the page on screen; `heading` is the h1 a person expects to see."""
        page = self.page
        page.wait_for_load_state("load")
        if heading is not None:
            expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        if self.axe_mirror is None:
            csp = page.evaluate("window.__cspViolations || []")
            violations = page.evaluate(RUN_AXE)
        else:
            csp = []  # the console still reports CSP violations without JavaScript
            violations = self.axe_mirror(page.url, page.content())
        violations, known = split_known(page.url, violations)
        point = Checkpoint(
            self.test, self.person, name, page.url, violations, csp, self.console[:], known
        )
        self.console.clear()
        self.log.pages.append(point)
        problems = [
            f"axe {v['impact']}: {v['id']} ({v['help']}) at {v['targets'][:5]}"
            for v in point.blocking
        ]
        problems += [f"CSP: {c}" for c in csp] + [f"console: {c}" for c in point.console]
        assert not problems, f"{name} ({page.url}):\n" + "\n".join(problems)
        return point


def prepare_context(context) -> None:
    """Record CSP violations and console errors of every page, and make axe available."""
    context.add_init_script(script=CSP_RECORDER)
    context.add_init_script(path=str(AXE_JS))
    context.console_errors = []

    def on_console(message) -> None:
        # Chromium asks for /favicon.ico by itself on pages without an icon link (the
        # admin's); that request is the browser's, not the page's.
        if message.location.get("url", "").endswith("/favicon.ico"):
            return
        if message.type == "error":
            context.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    context.on("console", on_console)
    context.on("weberror", lambda error: context.console_errors.append(f"uncaught: {error.error}"))


def mirror_axe(context):
    """axe for pages seen without JavaScript: the same DOM, re-shown in a JS tab with
    the site's own scripts blocked, so the result is what a no-JS reader gets."""
    context.add_init_script(path=str(AXE_JS))
    page = context.new_page()

    def run(url: str, html: str) -> list[dict]:
        def serve(route):
            request = route.request
            if request.resource_type == "document" and request.url == url:
                route.fulfill(body=html, content_type="text/html; charset=utf-8")
            elif request.resource_type == "script":
                route.abort()
            else:
                route.continue_()

        page.route("**/*", serve)
        page.goto(url)
        page.unroute("**/*")
        return page.evaluate(RUN_AXE)

    return run
