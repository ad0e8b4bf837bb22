"""Phone screenshots (390×844) of the pages readers complained about in issue 13.

Run against a server with the demo loaded (`make run`), e.g. before and after a change:

    .venv/bin/python bench/phone_screenshots.py http://127.0.0.1:8000 test-results/screenshots/after

Takes the post page top, the saved list, search results and the account menu (opened),
as the demo reader (reader@example.org), with Debian's Chromium.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
READER = ("reader@example.org", "portal-reader")


def log_in(page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=login]", READER[0])
    page.fill("input[name=password]", READER[1])
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the server's address, e.g. http://127.0.0.1:8000")
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--query", default="migration", help="search terms")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    args.out.mkdir(parents=True, exist_ok=True)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        log_in(page, base)
        # The first card of the home page is the newest post; save it so the list has it.
        page.goto(f"{base}/")
        href = page.locator(".card__title a").first.get_attribute("href")
        save = page.locator(".card .save-toggle button[aria-pressed=false]").first
        if save.count():
            save.click()
            page.wait_for_timeout(500)
        page.goto(f"{base}{href}")
        page.screenshot(path=args.out / "post-top.png")
        page.goto(f"{base}/saved/")
        page.screenshot(path=args.out / "saved-list.png", full_page=False)
        page.goto(f"{base}/search/?q={args.query}")
        page.screenshot(path=args.out / "search.png")
        page.goto(f"{base}/")
        menu = page.locator("details.account-menu > summary")
        if menu.count():
            menu.first.click()
        page.screenshot(path=args.out / "account-menu.png")
        browser.close()
    print(f"4 screenshots in {args.out}")


if __name__ == "__main__":
    main()
