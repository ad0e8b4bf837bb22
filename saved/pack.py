"""The reading pack: a member's most recently saved posts in one PDF.

Assembled from the posts' stored PDFs (posts.printing renders those in the
background when a post is published or changed): only the cover and contents
are laid out, their page numbers taken from the stored PDFs' page counts; then
each post's PDF is appended with a bookmark. The result is stored per member
and list revision, privately.
"""

from io import BytesIO

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import User
from posts.printing import store
from posts.printing.tasks import ask_once, come_back_later, done, ensure_post_pdf, render_slot

from .models import SavedPost

READING_PACK_LIMIT = 50
# The cover and contents are laid out for this many pages first, then again if they take more.
FRONT_PAGES = 2


def reading_pack_posts(user) -> list:
    """The posts of the member's pack: newest saved first, still published, capped."""
    return [item.post for item in SavedPost.objects.published_of(user)[:READING_PACK_LIMIT]]


def total_saved(user, posts) -> int:
    if len(posts) < READING_PACK_LIMIT:
        return len(posts)
    return SavedPost.objects.published_of(user).count()  # there may be more than fit


def reading_pack_name(user, posts, total: int) -> str:
    # The pack changes when the list, any post in it, or the name on its cover changes.
    revisions = ",".join(f"{post.pk}@{post.updated_at.isoformat()}" for post in posts)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return store.revision_name(
        f"packs/{user.pk}", user.pk, user.public_name, revisions, total, language
    )


def render_front_matter(user, posts, page_counts, total: int, front_pages: int) -> bytes:
    from posts.printing.render import load_print_data, render_pdf

    load_print_data(posts)
    entries, page = [], front_pages + 1
    for post, count in zip(posts, page_counts, strict=True):
        entries.append({"post": post, "page": page})
        page += count
    context = {
        "user": user,
        "entries": entries,
        "total_saved": total,
        "limit": READING_PACK_LIMIT,
        "header_note": gettext("Reading pack"),
        "SITE_NAME": settings.SITE_NAME,
    }
    return render_pdf(render_to_string("saved/reading_pack.html", context))


def build_reading_pack(user, posts, total: int) -> bytes:
    """Cover and contents, then each post's stored PDF (rendered first if missing)."""
    from pypdf import PdfReader

    from posts.printing.assemble import join_tagged

    files = [ensure_post_pdf(post, published=True).open() for post in posts]
    try:
        counts = [len(PdfReader(handle).pages) for handle in files]
        front = render_front_matter(user, posts, counts, total, FRONT_PAGES)
        front_pages = len(PdfReader(BytesIO(front)).pages)
        if front_pages != FRONT_PAGES:  # a long contents: number the posts after it
            front = render_front_matter(user, posts, counts, total, front_pages)
        for handle in files:
            handle.seek(0)
        parts = [(None, front), *((post.title, f) for post, f in zip(posts, files, strict=True))]
        return join_tagged(parts)
    finally:
        for handle in files:
            handle.close()


def store_reading_pack(user, posts) -> store.StoredPDF:
    total = total_saved(user, posts)
    name = reading_pack_name(user, posts, total)
    found = store.stored(name) or store.store(name, build_reading_pack(user, posts, total))
    store.prune(f"packs/{user.pk}", keep={name})
    return found


@task
def build_reading_pack_task(user_id: int, language: str) -> None:
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(language), render_slot() as free:
        if not free and come_back_later(build_reading_pack_task, user_id, language):
            return
        posts = reading_pack_posts(user)
        if posts:
            name = store_reading_pack(user, posts).name
            done(name)


def request_reading_pack(user, posts, name: str) -> store.StoredPDF | None:
    """The stored pack, or None: it is being prepared in the background."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return ask_once(name, build_reading_pack_task, user.pk, language)


def post_pdfs_ready(posts) -> bool:
    return all(store.stored(store.post_pdf_name(post, True)) for post in posts)


def forget_reading_packs(sender, instance, **kwargs) -> None:
    """post_delete receiver of User (connected in apps.py): the files go once it commits."""
    folder = f"packs/{instance.pk}"
    transaction.on_commit(lambda: store.prune(folder, keep=set()))
