"""Keep derived data honest when posts, their authors, topics or files change.

- updated_at: the PDF cache and "updated since you saved it" read it, so a
  change to anything printed with the post must move it.
- search_vector (PostgreSQL): title, summary, body, topic and author names.
- the trending ranking: a post unpublished or retagged queues a refresh of it.
- the content generation: cached pages and fragments are stale on every server.
- PDFs: rendered in the background whenever a published or scheduled post's
  printed content changes, so readers never wait for one.
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from taggit.models import Tag

from portal import generations

from .library import Image
from .models import Attachment, Author, Post, PostAuthor
from .printing.tasks import forget_post_pdfs, prepare_published_pdfs
from .search.index import update_search_vectors
from .trending import queue_trending_refresh


def touch_posts(**filters) -> None:
    Post.objects.filter(**filters).update(updated_at=timezone.now())


@receiver([post_save, post_delete], sender=Post)
@receiver([post_save, post_delete], sender=Author)
@receiver([post_save, post_delete], sender=PostAuthor)
@receiver([post_save, post_delete], sender=Attachment)
@receiver([post_save, post_delete], sender=Tag)
@receiver(m2m_changed, sender=Post.tags.through)
def pages_changed(sender, **kwargs):
    if kwargs.get("action", "post_").startswith("post_"):
        generations.bump()


@receiver([post_save, post_delete], sender=PostAuthor)
@receiver([post_save, post_delete], sender=Attachment)
def post_part_changed(sender, instance, **kwargs):
    touch_posts(pk=instance.post_id)
    prepare_published_pdfs([instance.post_id])


@receiver(post_delete, sender=Attachment)
def attachment_deleted(sender, instance, **kwargs):
    # Generated names belong to one attachment only: remove the file once the delete commits.
    if instance.file:
        name, storage = instance.file.name, instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@receiver(pre_save, sender=Attachment)
def attachment_file_replaced(sender, instance, **kwargs):
    # An editor who uploads a new file replaces the old one: do not leave it behind on disk.
    if not instance.pk:
        return
    old_name = Attachment.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
    if old_name and old_name != instance.file.name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))


@receiver(post_save, sender=Image)
def featured_image_changed(sender, instance, created, **kwargs):
    # Its alt text, caption and credit are printed with the posts that feature it.
    if not created:
        post_ids = list(Post.objects.filter(featured_image=instance).values_list("pk", flat=True))
        if post_ids:
            touch_posts(pk__in=post_ids)
            generations.bump()
            prepare_published_pdfs(post_ids)


@receiver(post_save, sender=Author)
def author_changed(sender, instance, created, **kwargs):
    if not created:
        touch_posts(post_authors__author=instance)
        post_ids = Post.objects.filter(post_authors__author=instance).values_list("pk", flat=True)
        update_search_vectors(post_ids)
        prepare_published_pdfs(post_ids)


@receiver(post_save, sender=Post)
def post_saved(sender, instance, **kwargs):
    update_search_vectors([instance.pk])
    queue_trending_refresh()
    prepare_published_pdfs([instance.pk])


@receiver(post_delete, sender=Post)
def post_deleted(sender, instance, **kwargs):
    queue_trending_refresh()
    forget_post_pdfs(instance.pk)


@receiver([post_save, post_delete], sender=PostAuthor)
def post_authors_changed(sender, instance, **kwargs):
    update_search_vectors([instance.post_id])


@receiver(m2m_changed, sender=Post.tags.through)
def post_topics_changed(sender, instance, action, pk_set, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Post):
        touch_posts(pk=instance.pk)  # topics are printed: a new PDF revision
        update_search_vectors([instance.pk])
        queue_trending_refresh()
        prepare_published_pdfs([instance.pk])


@receiver(post_save, sender=Tag)
def topic_renamed(sender, instance, created, **kwargs):
    if not created:
        update_search_vectors(Post.objects.filter(tags=instance).values_list("pk", flat=True))
        queue_trending_refresh()


@receiver(pre_delete, sender=Tag)
def topic_deleting(sender, instance, **kwargs):
    # The tagged rows are gone after the delete: remember whose vectors to refresh.
    instance._tagged_post_ids = list(
        Post.objects.filter(tags=instance).values_list("pk", flat=True)
    )


@receiver(post_delete, sender=Tag)
def topic_deleted(sender, instance, **kwargs):
    update_search_vectors(getattr(instance, "_tagged_post_ids", []))
    queue_trending_refresh()
