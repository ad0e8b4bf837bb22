"""Journey 3: an editor writes a post in the admin, previews, schedules and publishes it,
then moderates a member's comment, and the public sees the result."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from comments.models import Comment, CommentStatus
from posts.models import Post
from tests.browser.library import PASSWORD, PDF_BYTES

pytestmark = pytest.mark.browser

TITLE = "Cash transfers after floods: what reached people"
MEMBER_COMMENT = "We saw the same with peer mentoring in Kayes."
SECOND_COMMENT = "Did the grants reach women-led households too?"


def pick_author(page, row, name: str) -> None:
    """Choose an author in an inline row's autocomplete."""
    row.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill(name.split()[0])
    page.locator(".select2-results__option", has_text=name).click()


def admin_save(tab, name: str) -> None:
    tab.page.get_by_role("button", name="Save and continue editing").click()
    tab.check(name)
    expect(tab.page.locator(".messagelist .success")).to_be_visible()


def set_publication(page, status: str, when) -> None:
    local = timezone.localtime(when)
    page.get_by_label("Status").select_option(label=status)
    page.locator("#id_published_at_0").fill(local.strftime("%Y-%m-%d"))
    page.locator("#id_published_at_1").fill(local.strftime("%H:%M:%S"))


def test_editor_journey(open_tab, library):
    tab = open_tab("editor")
    page = tab.page
    public = open_tab("reader")
    # The member's comments from journey 2, waiting in the moderation queue.
    member = User.objects.get(email=library.member_email)
    pending = Comment.objects.create(
        post=library.post, user=member, body=MEMBER_COMMENT, status=CommentStatus.PENDING
    )
    second = Comment.objects.create(
        post=library.post, user=member, body=SECOND_COMMENT, status=CommentStatus.PENDING
    )

    # The admin sends editors to the portal's (rate-limited) login form.
    tab.goto("/admin/")
    tab.check("admin login", heading="Log in")
    page.get_by_label(re.compile(r"^Email")).fill(library.editor_email)
    page.get_by_label(re.compile(r"^Password")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    tab.check("admin index")

    # Write a draft: rich text, two ordered authors, a topic, a file.
    page.locator("tr.model-post").get_by_role("link", name="Add").click()
    tab.check("admin add post")
    page.get_by_label("Title").press_sequentially(TITLE)  # typed: the slug follows keystrokes
    expect(page.get_by_label("Slug")).to_have_value(
        "cash-transfers-after-floods-what-reached-people"
    )
    page.get_by_label("Summary").fill(
        "Most transfers arrived within a week; women-led homes waited longer."
    )
    editor = page.locator(".field-body [contenteditable=true]")
    editor.click()
    page.keyboard.type("Transfers reached 4,000 households in the first week.")
    set_publication(page, "Draft", timezone.now())
    # With a comma: taggit splits a comma-less entry at spaces (see the report).
    page.get_by_label("Topics").fill("Climate adaptation, Floods")
    authors = page.locator("#post_authors-group")
    pick_author(page, page.locator("#post_authors-0"), "Jonas Berg")
    authors.locator(".add-row a").click()
    pick_author(page, page.locator("#post_authors-1"), "Amina Diallo")
    # Ordered with the row's keyboard-reachable button (drag and drop does the same).
    page.locator("#post_authors-1").get_by_role("button", name="Move up").click()
    first_file = page.locator("#attachments-0")
    first_file.locator("input[name$='-title']").fill("Flood response brief")
    first_file.locator("input[type=file]").set_input_files(
        {"name": "flood-brief.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    admin_save(tab, "admin draft saved")
    post = Post.objects.get(title=TITLE)
    assert post.attachments.count() == 1

    # Preview: the editor sees the draft as readers will; the public gets a 404.
    preview = tab.popup(lambda: page.get_by_role("link", name="Preview", exact=True).click())
    preview.check("preview of the draft", heading=TITLE)
    expect(preview.page.locator(".preview-banner")).to_contain_text("draft")
    expect(preview.page.locator(".post__authors .author-card__name")).to_have_text(
        ["Amina Diallo", "Jonas Berg"]
    )
    expect(preview.page.locator(".post__files")).to_contain_text("Flood response brief")
    preview.page.close()
    public.assert_not_found(post.get_absolute_url())

    # A second save with a new title, then compare the two revisions and restore the first.
    page.get_by_label("Title").fill(TITLE + " (second take)")
    admin_save(tab, "admin draft saved again")
    page.locator(".object-tools").get_by_role("link", name="Revisions").click()
    tab.check("revisions of the draft")
    page.get_by_role("button", name="Compare the chosen revisions").click()
    tab.check("two revisions compared")
    expect(page.locator(".revision-diff ins").first).to_have_text("(second take)")
    page.get_by_role("button", name=re.compile("^Restore the revision")).click()
    tab.check("revision restored")
    expect(page.locator(".messagelist .success")).to_contain_text("is restored")
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    assert post.revisions.count() == 3

    # A preview link for someone without an account, opened in a fresh browser, then revoked.
    page.locator(".object-tools").get_by_role("link", name="Share a preview").click()
    page.get_by_role("button", name="Create a preview link").click()
    tab.check("preview link created")
    link = page.locator(".share-link__url").input_value()
    stranger = open_tab("stranger")
    stranger.goto(link)
    stranger.check("shared preview", heading=TITLE)
    expect(stranger.page.locator(".preview-banner")).to_contain_text("Preview")
    page.get_by_role("button", name="Revoke").click()
    tab.check("preview link revoked")
    response = stranger.page.goto(link)
    assert response is not None and response.status == 410
    expect(stranger.page.get_by_role("heading", level=1)).to_have_text(
        "This preview link no longer works"
    )
    stranger.console.clear()
    page.get_by_role("link", name=re.compile(r"^Cash transfers")).last.click()
    tab.check("back on the change form")

    # Schedule it for tomorrow: still hidden from the public.
    set_publication(page, "Published", timezone.now() + timedelta(days=1))
    admin_save(tab, "admin post scheduled")
    post.refresh_from_db()
    assert post.is_scheduled
    public.assert_not_found(post.get_absolute_url())

    # Publish it now from the list, with the admin action.
    page.locator("#content-main, .breadcrumbs").get_by_role(
        "link", name="Posts", exact=True
    ).last.click()
    tab.check("admin post list with the scheduled post")
    row = page.locator("#result_list tr", has_text=TITLE)
    expect(row).to_contain_text("Scheduled")
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label="Publish now")
    page.get_by_role("button", name="Run").click()
    tab.check("admin post published")
    expect(page.locator(".messagelist")).to_contain_text("1 post is now published")

    public.goto("/")
    public.check("home with the new post")
    public.page.locator("main .card").get_by_role("link", name=TITLE, exact=True).click()
    public.check("the new post, public", heading=TITLE)
    expect(public.page.locator(".post__authors .author-card__name")).to_have_text(
        ["Amina Diallo", "Jonas Berg"]
    )
    expect(public.page.locator(".post__files")).to_contain_text("Flood response brief")
    expect(public.page.locator(".topics")).to_contain_text("Climate adaptation")

    # Moderate the member's comment: the queue opens on pending comments.
    page.locator("#header, #site-name").first.get_by_role("link").first.click()
    tab.check("admin index again")
    page.locator("tr.model-comment").get_by_role("link").first.click()
    tab.check("moderation queue")
    # One click in the queue approves one comment...
    row = page.locator("#result_list tr", has_text="peer mentoring")
    row.get_by_role("button", name="Approve").click()
    tab.check("comment approved")
    expect(page.locator(".messagelist")).to_contain_text("is approved")
    pending.refresh_from_db()
    assert pending.status == CommentStatus.APPROVED

    # ...and one click on the post page approves the other.
    tab.goto(library.post.get_absolute_url())
    tab.check("post page with its pending comment", heading=library.post.title)
    panel = page.locator("#moderation")
    expect(panel).to_contain_text(SECOND_COMMENT)
    panel.get_by_role("button", name="Approve").click()
    tab.check("comment approved from the post page", heading=library.post.title)
    second.refresh_from_db()
    assert second.status == CommentStatus.APPROVED
    expect(page.locator("#moderation")).to_have_count(0)

    public.goto(library.post.get_absolute_url())
    public.check("post with the approved comment", heading=library.post.title)
    comments = public.page.locator("#comments")
    expect(comments.get_by_role("heading", name="Comments (3)")).to_be_visible()
    expect(comments).to_contain_text("We saw the same with peer mentoring in Kayes.")


@pytest.mark.parametrize("width", [1280, 390])
def test_the_desk_and_the_queue_on_desktop_and_phone(open_tab, library, results_dir, width):
    """Screenshots for the closing note, and the phone layout checked: nothing overflows."""
    member = User.objects.get(email=library.member_email)
    for body in (MEMBER_COMMENT, SECOND_COMMENT + " " + "More context follows. " * 8):
        Comment.objects.create(
            post=library.post, user=member, body=body, status=CommentStatus.PENDING, flags=["links"]
        )
    tab = open_tab("editor", viewport={"width": width, "height": 900})
    page = tab.page
    tab.goto("/admin/")
    page.get_by_label(re.compile(r"^Email")).fill(library.editor_email)
    page.get_by_label(re.compile(r"^Password")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    tab.check(f"desk at {width}")
    expect(page.locator("#desk")).to_contain_text("Scheduled brief on schools")
    page.screenshot(path=results_dir / f"desk-{width}.png", full_page=True)

    tab.goto("/admin/comments/comment/")
    tab.check(f"queue at {width}")
    expect(page.locator("#result_list")).to_contain_text("More context follows.")
    page.screenshot(path=results_dir / f"queue-{width}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the queue is {overflow}px wider than the screen"
    # The action menu shows its whole first label ("- Select an option -"), not "- Sel".
    menu_width = page.locator("select[name=action]").first.evaluate("el => el.clientWidth")
    assert menu_width >= 150, f"the action menu is only {menu_width}px wide"
