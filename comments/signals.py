from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Comment


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance, **kwargs):
    # Deletions from the admin or a cascade must not leave Comments (N) stale.
    Comment.objects.recount([instance.post_id])
