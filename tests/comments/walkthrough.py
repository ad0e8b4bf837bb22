"""Real-browser walkthrough of comments (Must show 2); not part of the pytest suite.

Run against a server loaded with the demo, started WITHOUT DEBUG (in DEBUG,
django-htmx's error helper replaces the whole page on a 500, hiding what readers
get): PORTAL_TESTING=1 (MD5 hasher: set the demo passwords again in that mode),
collectstatic, runserver; then

    .venv/bin/python tests/comments/walkthrough.py http://127.0.0.1:8105 /work/team/screens

Use a fresh demo: after three runs the demo reader has three approved comments and
is auto-approved from then on (COMMENTS_AUTO_APPROVE_AFTER). Runs 15 s apart at least.

The demo reader comments and sees "awaiting moderation"; the demo editor approves it
in the admin; an anonymous reader then sees it and Comments (N) went up by one.
"""

import re
import sys
import time
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
POST = "/posts/hometown-associations-as-development-partners/"


def count_on(page) -> int:
    text = page.locator("#comments-title").inner_text()
    return int(re.search(r"\((\d+)\)", text).group(1))


def log_in(page, base, email, password, next_url):
    page.goto(f"{base}/accounts/login/?next={next_url}")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def main(base: str, shots: Path) -> None:
    stamp = f"Walkthrough comment {int(time.time())}"
    text = f"{stamp}: how did you measure uptake?\nSecond line."
    problems: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)

        # 1. The demo member comments.
        member = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
        member.on("console", lambda m: m.type == "error" and problems.append(m.text))
        log_in(member, base, "reader@example.org", "portal-reader", POST + "%23comment-form")
        before = count_on(member)
        box = member.locator("#comment-form textarea[name=body]")
        box.fill(text)
        expect(member.locator("#comment-new-counter")).to_contain_text("characters left")
        member.locator("#comment-form").screenshot(path=shots / "comments-1-typing.png")
        # A server error first (simulated by the browser): the text stays, a message says so.
        create = "**/comments/posts/*/new/"
        member.route(create, lambda route: route.fulfill(status=500, body="Server error"))
        member.locator("#comment-form button[type=submit]").click()
        expect(member.locator("#comment-form [data-comment-error]")).to_contain_text(
            "Your text is still here"
        )
        expect(box).to_have_value(text)
        member.locator("#comment-form").screenshot(path=shots / "comments-1b-server-error.png")
        member.unroute(create)

        member.locator("#comment-form button[type=submit]").click()
        expect(member.locator("#comment-form")).to_contain_text(
            "your comment will appear once a moderator has approved it"
        )
        member.locator("#comments").screenshot(path=shots / "comments-2-thanks.png")

        # A second comment at once hits the 15-second limit: 429, the text stays.
        member.goto(base + POST)  # a full load: a fragment-only change would not reload
        member.locator("#comment-form textarea[name=body]").fill(
            "A quick follow-up I do not want to lose"
        )
        member.locator("#comment-form button[type=submit]").click()
        expect(member.locator("#comment-form")).to_contain_text("commenting very fast")
        expect(member.locator("#comment-form textarea[name=body]")).to_have_value(
            "A quick follow-up I do not want to lose"
        )
        member.locator("#comment-form").screenshot(path=shots / "comments-3-rate-limited.png")

        member.reload()
        mine = member.locator(".comment--pending", has_text=stamp)
        expect(mine).to_contain_text("awaiting moderation")
        assert count_on(member) == before, "a pending comment must not change the count"
        mine.scroll_into_view_if_needed()
        member.screenshot(path=shots / "comments-4-awaiting-moderation.png")

        # 2. The demo editor approves it in the admin.
        editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        log_in(editor, base, "editor@example.org", "portal-editor", "/admin/")
        expect(editor.locator("#comments-pending")).to_contain_text("wait for moderation")
        editor.screenshot(path=shots / "comments-5-admin-index.png")
        editor.locator("#comments-pending a").click()
        row = editor.locator("#result_list tbody tr", has_text=stamp)
        expect(row).to_have_count(1)
        row.locator("input.action-select").check()
        editor.select_option("select[name=action]", "approve")
        editor.fill("input[name=reason]", "Thanks, good question.")
        editor.screenshot(path=shots / "comments-6-queue.png")
        editor.locator("button[name=index]").click()
        expect(editor.locator(".messagelist")).to_contain_text("1 comment approved.")
        editor.screenshot(path=shots / "comments-7-approved.png")

        # 3. An anonymous reader sees it, and the count went up by one.
        reader = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
        reader.goto(base + POST)
        published = reader.locator(".comment", has_text=stamp)
        expect(published).to_have_count(1)
        expect(published).not_to_contain_text("awaiting moderation")
        after = count_on(reader)
        assert after == before + 1, f"Comments ({before}) should be ({before + 1}), is ({after})"
        reader.locator("#comments").screenshot(path=shots / "comments-8-anonymous.png")
        browser.close()
    # The walkthrough's own 500 and 429 show in the console as a failed resource load; anything else is a problem.
    # In test mode MEDIA_ROOT points elsewhere, so demo portraits are 404s.
    unexpected = [p for p in problems if not any(code in p for code in ("429", "500", "404"))]
    print(f"Comments ({before}) -> ({after}); console errors: {unexpected or 'none'}")
    if unexpected:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), Path(sys.argv[2]))
