"""Background PDF work: every render runs here, never while a reader waits.

Written against the plain django.tasks API, so it runs the same on the
immediate backend (development: the render happens inside enqueue()) and on a
worker backend. A global cap (PORTAL_PDF_MAX_CONCURRENT_RENDERS) keeps renders
from taking every CPU: over it, a task comes back a few seconds later.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from portal.cache_lock import slot_of

from ..models import Post, PostStatus
from . import store

logger = logging.getLogger(__name__)

# A render is asked for once per revision within this time, however many readers wait.
QUEUED_SECONDS = 300
# A render slot whose holder died is free again after this long.
SLOT_SECONDS = 120
RETRY_SECONDS = 5


def render_slot():
    """One of the PORTAL_PDF_MAX_CONCURRENT_RENDERS places, or False at once."""
    return slot_of("pdf:render", settings.PDF_MAX_CONCURRENT_RENDERS, seconds=SLOT_SECONDS)


def come_back_later(work, *args) -> bool:
    """Enqueue ``work`` again a little later, when the backend can defer work.

    The immediate backend cannot (it has no queue, it is development): False,
    and the caller renders now.
    """
    if not work.get_backend().supports_defer:
        return False
    work.using(run_after=timezone.now() + timedelta(seconds=RETRY_SECONDS)).enqueue(*args)
    return True


def _queued_key(name: str) -> str:
    return f"pdf:queued:{name}"


def ask_once(name: str, work, *args) -> store.StoredPDF | None:
    """The stored PDF ``name``, or None after enqueuing ``work`` (once while it waits)."""
    found = store.stored(name)
    if found is None and cache.add(_queued_key(name), True, timeout=QUEUED_SECONDS):
        work.enqueue(*args)
        found = store.stored(name)  # the immediate backend has rendered it already
    return found


def is_queued(name: str) -> bool:
    return bool(cache.get(_queued_key(name)))


def done(name: str) -> None:
    cache.delete(_queued_key(name))


def request_post_pdf(post, published: bool) -> store.StoredPDF | None:
    """The post's stored PDF, or None: it is being prepared."""
    return ask_once(store.post_pdf_name(post, published), render_post_pdf_task, post.pk, published)


def ensure_post_pdf(post, published: bool) -> store.StoredPDF:
    """The post's stored PDF, rendering it now if needed (inside a task only)."""
    from .render import render_post_pdf

    name = store.post_pdf_name(post, published)
    found = store.stored(name) or store.recover(name)
    if found is None:
        found = store.store(name, render_post_pdf(post, published))
        # One line per render: the cluster tests count them across servers and workers.
        logger.info("Rendered PDF %s", name)
        keep = {store.post_pdf_name(post, True), store.post_pdf_name(post, False)}
        store.prune(f"posts/{post.pk}", keep)
    return found


@task
def render_post_pdf_task(post_id: int, published: bool) -> None:
    post = Post.objects.filter(pk=post_id).first()
    if post is None or (published and post.status != PostStatus.PUBLISHED):
        return  # deleted or unpublished since: nobody may read it as published
    name = store.post_pdf_name(post, published)
    if store.stored(name) is None:
        with render_slot() as free:
            if not free and come_back_later(render_post_pdf_task, post_id, published):
                return
            ensure_post_pdf(post, published)
    done(name)


def prepare_published_pdfs(post_ids) -> None:
    """After the transaction commits, render the PDFs of these posts that are
    published or scheduled: a scheduled post's is ready when its time comes."""

    def enqueue():
        for post in Post.objects.filter(pk__in=list(post_ids), status=PostStatus.PUBLISHED):
            request_post_pdf(post, published=True)

    transaction.on_commit(enqueue)


def forget_post_pdfs(post_id: int) -> None:
    transaction.on_commit(lambda: store.prune(f"posts/{post_id}", keep=set()))
