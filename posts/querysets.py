"""What a post may be and who may see it: states, visibility and the named query shapes.

posts/models.py imports all of it; Post.objects is PostQuerySet.
"""

from collections.abc import Callable

from django.apps import apps
from django.db import models
from django.db.models import (
    Case,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .preview import can_preview


def _model(name: str):
    return apps.get_model("posts", name)


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublicationState(models.TextChoices):
    """Where a post stands for readers: derived from status and date, never stored."""

    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Published (live)")


def authors_prefetch(prefix: str = "") -> Prefetch:
    """A post's authors in the editor's order, each with its Author row.

    ``prefix`` reaches the post through a relation ("post__" from a saved post),
    so a post page, a card and a saved item share one shape.
    """
    return Prefetch(
        f"{prefix}post_authors", queryset=_model("PostAuthor").objects.select_related("author")
    )


def card_prefetches() -> tuple:
    """What a card shows beyond the post row and its image: authors and topics."""
    return (authors_prefetch(), "tags")


def card_data_on_demand(posts) -> Callable[[], str]:
    """For a page of cards: fetches what the cards show (authors, topics) the first time
    it is called, for every post of ``posts`` (a callable giving them) at once.

    Cards are kept per generation ({% fragment "post_card" … prepare=… %}), so a page
    whose cards are all kept asks for none of it; one that is not asks once, as
    with_card_data() would have.
    """

    def prepare() -> str:
        if not prepare.done:
            prefetch_related_objects(list(posts()), *card_prefetches())
            prepare.done = True
        return ""  # called by the template: it prints nothing

    prepare.done = False
    return prepare


def attachments_prefetch(prefix: str = "") -> Prefetch:
    """A post's files in the editor's order (Attachment.Meta.ordering)."""
    return Prefetch(f"{prefix}attachments", queryset=_model("Attachment").objects.all())


def post_page_prefetches() -> list:
    """Everything a post page shows besides the post: authors, topics and files."""
    return [authors_prefetch(), "tags", attachments_prefetch()]


def published_q(prefix: str = "", at=None) -> Q:
    """The published rule as a condition, for a query that reaches posts through a
    relation (``prefix`` "post__"): a join, not a subquery of post ids."""
    return Q(
        **{
            f"{prefix}status": PostStatus.PUBLISHED,
            f"{prefix}published_at__lte": at or timezone.now(),
        }
    )


class PostQuerySet(models.QuerySet):
    # The three publication states. Post.state is the same rule for one loaded post.
    def drafts(self):
        return self.filter(status=PostStatus.DRAFT)

    def scheduled(self, at=None):
        """Published, but waiting for its date: it appears by itself then."""
        return self.filter(status=PostStatus.PUBLISHED, published_at__gt=at or timezone.now())

    def published(self, at=None):
        """What the public may see: published, and its time has come (live)."""
        return self.filter(published_q(at=at))

    def in_state(self, state: PublicationState):
        match PublicationState(state):
            case PublicationState.DRAFT:
                return self.drafts()
            case PublicationState.SCHEDULED:
                return self.scheduled()
            case PublicationState.LIVE:
                return self.published()

    def visible_to(self, user):
        """Those who may preview see every post; everyone else sees published posts only."""
        return self.all() if can_preview(user) else self.published()

    def with_card_data(self):
        """Everything a post card shows, in a fixed number of queries."""
        return self.select_related("featured_image").prefetch_related(*card_prefetches())

    def reader_language_first(self, language: str):
        """Newest first, the posts in the reader's language ahead of the others."""
        own = Case(When(language=language, then=Value(0)), default=Value(1))
        return self.alias(other_language=own).order_by("other_language", "-published_at", "-pk")

    def in_group(self, group_id: int):
        """The posts of one translation group: the original and its translations."""
        return self.filter(Q(pk=group_id) | Q(translation_of_id=group_id))

    def with_translation_flag(self):
        """``has_translations``: another post of the group is published (same query)."""
        group = Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))
        others = self.model.objects.published().filter(Q(pk=group) | Q(translation_of_id=group))
        return self.annotate(has_translations=Exists(others.exclude(pk=OuterRef("pk"))))

    def missing_translation(self, language: str):
        """Posts whose translation group has nothing in ``language`` yet."""
        group = Coalesce("translation_of_id", "pk")
        covered = self.model.objects.filter(language=language).annotate(group=group).values("group")
        return self.alias(own_group=group).exclude(own_group__in=covered)

    def for_post_page(self):
        """Everything a post page, its print view and its PDF show."""
        return self.select_related("featured_image", "social_image").prefetch_related(
            *post_page_prefetches()
        )


def get_visible_post(request, slug: str) -> models.Model:
    """The post this reader may open, with everything its page shows, or 404."""
    posts = _model("Post").objects.visible_to(request.user).with_translation_flag().for_post_page()
    return get_object_or_404(posts, slug=slug)
