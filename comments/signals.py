from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal import generations

from .models import Comment, CommentStatus
from .rules import forget_standing_of_owner
from .suspensions import CommentingSuspension


@receiver(post_delete, sender=Comment)
def comment_deleted(sender, instance, **kwargs):
    # Deletions from the admin or a cascade must not leave Comments (N) stale.
    Comment.objects.recount([instance.post_id])


@receiver(post_save, sender=Comment)
def comment_saved(sender, instance, created, **kwargs):
    # A new comment waiting for moderation changes no public page; any other save may.
    if not (created and instance.status != CommentStatus.APPROVED):
        generations.bump()


def connect_barrier_receivers():
    """A member's cached standing (portal.rules.standing) goes when what decides it changes."""
    from allauth.account.models import EmailAddress

    for model in (CommentingSuspension, EmailAddress, Comment):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_standing_of_owner, sender=model, dispatch_uid=f"standing_{model.__name__}"
            )


connect_barrier_receivers()
