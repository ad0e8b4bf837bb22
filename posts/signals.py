"""Keep a post's revision (updated_at) honest when its authors or files change.

The PDF cache and "updated since you saved it" both read updated_at, so a
change to anything printed with the post must move it.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import Attachment, Author, Post, PostAuthor
from .search import update_search_vectors


def touch_posts(**filters) -> None:
    Post.objects.filter(**filters).update(updated_at=timezone.now())


@receiver([post_save, post_delete], sender=PostAuthor)
@receiver([post_save, post_delete], sender=Attachment)
def post_part_changed(sender, instance, **kwargs):
    touch_posts(pk=instance.post_id)


@receiver(post_save, sender=Author)
def author_changed(sender, instance, created, **kwargs):
    if not created:
        touch_posts(post_authors__author=instance)
        update_search_vectors(
            Post.objects.filter(post_authors__author=instance).values_list("pk", flat=True)
        )


@receiver(post_save, sender=Post)
def post_saved(sender, instance, **kwargs):
    update_search_vectors([instance.pk])


@receiver([post_save, post_delete], sender=PostAuthor)
def post_authors_changed(sender, instance, **kwargs):
    update_search_vectors([instance.post_id])


@receiver(m2m_changed, sender=Post.tags.through)
def post_topics_changed(sender, instance, action, pk_set, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and isinstance(instance, Post):
        update_search_vectors([instance.pk])
