"""The Mozilla HTTP Observatory's grading, applied to a Django test response.

Follows the published scoring (mdn/mdn-http-observatory, src/grader/charts.js
and src/analyzer/tests/): a baseline of 100, a modifier per test, and bonuses
only when the score without them is at least 90. HSTS preloading (+5) depends
on the public preload list (0 here, as it is live); SRI (+5) needs an integrity
attribute on every script, which the portal's {% script %} tag gives.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCE_OR_HASH = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
PRIVATE_REFERRERS = {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}  # fmt: skip
UNSAFE_REFERRERS = {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}  # fmt: skip
SIX_MONTHS = 15_768_000


@dataclass
class Grade:
    modifiers: dict[str, int] = field(default_factory=dict)

    @property
    def score(self) -> int:
        penalties = 100 + sum(m for m in self.modifiers.values() if m < 0)
        bonuses = sum(m for m in self.modifiers.values() if m > 0)
        total = penalties + bonuses if penalties >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else penalties
        return max(total, 0)


def parse_csp(header: str) -> dict[str, set[str]]:
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy.setdefault(name.lower(), {s.lower() for s in sources})
    return policy


def csp_modifier(headers) -> tuple[int, dict]:
    if "Content-Security-Policy" not in headers:
        return -25, {}
    csp = parse_csp(headers["Content-Security-Policy"])
    script = set(csp.get("script-src") or csp.get("default-src") or {"*"})
    style = set(csp.get("style-src") or csp.get("default-src") or {"*"})
    objects = csp.get("object-src") or csp.get("default-src") or {"*"}
    for sources in (script, style):
        if any(s.startswith(NONCE_OR_HASH) for s in sources):
            sources.discard("'unsafe-inline'")
    active = [s for d, v in csp.items() if d not in {"img-src", "media-src"} for s in v]
    passive = [s for d in ("img-src", "media-src") for s in csp.get(d, csp.get("default-src", ()))]
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return -20, csp
    if any(s.startswith(("http:", "ftp:")) for s in active):
        return -20, csp
    if "'unsafe-eval'" in script | style:
        return -10, csp
    if any(s.startswith(("http:", "ftp:")) for s in passive):
        return -10, csp
    if style & (BROAD | UNSAFE_INLINE):
        return 0, csp
    return (10 if csp.get("default-src") == {"'none'"} else 5), csp


# Cookie results from least to most serious, with their modifiers (cookies.js "goodness").
COOKIE_PROBLEMS = {
    "without-secure-flag-but-protected-by-hsts": -5,
    "without-secure-flag": -20,
    "session-without-secure-flag-but-protected-by-hsts": -10,
    "samesite-flag-invalid": -20,
    "anticsrf-without-samesite-flag": -20,
    "session-without-httponly-flag": -30,
    "session-without-secure-flag": -40,
}


def cookies_modifier(response, hsts: bool) -> int:
    if not response.cookies:
        return 0  # cookies-not-found
    problems = []
    missing_samesite = False
    for name, morsel in response.cookies.items():
        lowered = name.lower()
        session = "login" in lowered or "sess" in lowered
        secure, samesite = bool(morsel["secure"]), str(morsel["samesite"])
        if not secure and samesite.lower() == "none":
            problems.append("samesite-flag-invalid")
        if not secure:
            problems.append("without-secure-flag-but-protected-by-hsts" if hsts else "without-secure-flag")  # fmt: skip
        if "csrf" in lowered and not samesite:
            problems.append("anticsrf-without-samesite-flag")
        if session and not secure:
            problems.append("session-without-secure-flag-but-protected-by-hsts" if hsts else "session-without-secure-flag")  # fmt: skip
        if session and not morsel["httponly"]:
            problems.append("session-without-httponly-flag")
        missing_samesite = missing_samesite or not samesite
    if problems:
        order = list(COOKIE_PROBLEMS)
        return COOKIE_PROBLEMS[max(problems, key=order.index)]
    return 0 if missing_samesite else 5


def sri_modifier(response) -> int:
    """subresource-integrity.js: +5 when every script carries an integrity attribute and
    loads securely, 0 without integrity but same-origin, less for external scripts."""
    if not response.get("Content-Type", "").startswith("text/html"):
        return 0
    tags = re.findall(r"<script\b[^>]*\bsrc=\"[^\"]+\"[^>]*>", response.text)
    scripts = [re.search(r'src="([^"]+)"', tag)[1] for tag in tags]
    external = [s for s in scripts if urlsplit(s).netloc not in {"", "testserver"}]
    insecure = any(s.startswith(("http:", "//")) for s in external)
    with_integrity = bool(tags) and all(" integrity=" in tag for tag in tags)
    if with_integrity:
        return -20 if insecure else 5
    if insecure:
        return -50
    return -5 if external else 0


def grade(response, redirect_response) -> Grade:
    """Grade a page fetched over HTTPS, and the answer to the same URL over HTTP."""
    headers = response.headers
    modifiers = {}
    modifiers["content-security-policy"], csp = csp_modifier(headers)

    hsts = headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not max_age:
        modifiers["strict-transport-security"] = -20
    else:
        modifiers["strict-transport-security"] = 0 if int(max_age[1]) >= SIX_MONTHS else -10
    modifiers["cookies"] = cookies_modifier(response, hsts=bool(max_age))

    origin = headers.get("Access-Control-Allow-Origin")
    credentials = headers.get("Access-Control-Allow-Credentials", "").lower() == "true"
    modifiers["cross-origin-resource-sharing"] = -50 if origin and origin != "*" and credentials else 0  # fmt: skip

    location = redirect_response.get("Location", "") if redirect_response.status_code in {301, 302, 307, 308} else ""  # fmt: skip
    modifiers["redirection"] = 0 if location.startswith("https://testserver") else -20

    referrer = [v.strip().lower() for v in headers.get("Referrer-Policy", "").split(",") if v.strip()]  # fmt: skip
    known = [v for v in referrer if v in PRIVATE_REFERRERS | UNSAFE_REFERRERS]
    if not referrer:
        modifiers["referrer-policy"] = 0
    elif not known:
        modifiers["referrer-policy"] = -5
    else:
        modifiers["referrer-policy"] = 5 if known[-1] in PRIVATE_REFERRERS else -5

    modifiers["subresource-integrity"] = sri_modifier(response)
    modifiers["x-content-type-options"] = 0 if headers.get("X-Content-Type-Options", "").lower() == "nosniff" else -5  # fmt: skip

    ancestors = csp.get("frame-ancestors")
    xfo = headers.get("X-Frame-Options", "").lower()
    if ancestors and not ancestors & BROAD:
        modifiers["x-frame-options"] = 5
    elif xfo in {"deny", "sameorigin"} or xfo.startswith("allow-from"):
        modifiers["x-frame-options"] = 0
    else:
        modifiers["x-frame-options"] = -20

    corp = headers.get("Cross-Origin-Resource-Policy", "").strip().lower()
    corp_scores = {"": 0, "same-origin": 10, "same-site": 10, "cross-origin": 0}
    modifiers["cross-origin-resource-policy"] = corp_scores.get(corp, -5)
    return Grade(modifiers)
