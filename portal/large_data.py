"""A large, realistic data set for measuring pages at scale (see generate_large_data).

Everything goes in with bulk_create in batches, bypassing save() and signals:
bodies are generated from safe markup, search vectors are rebuilt in one pass at
the end, and comment counts are recomputed with one UPDATE. Attachments are
metadata only: their rows name files that do not exist, so a download answers
404 "The file is missing" (no shared file that deleting one row would remove).
"""

import random
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from accounts.models import User
from comments.models import Comment, CommentStatus
from posts.models import Attachment, Author, Post, PostActivity, PostAuthor, PostStatus
from posts.search.index import update_search_vectors

PREFIX = "large"
SEARCH_INDEX = "posts_post_search_vector_gin"  # posts/migrations/0002_search_index.py
SAVER_EMAIL = "large-reader@example.org"
SAVER_PASSWORD = "portal-large"
WORDS = [
    "migration",
    "diaspora",
    "remittances",
    "practitioners",
    "learning",
    "evidence",
    "partnership",
    "returnees",
    "skills",
    "labour",
    "mobility",
    "integration",
    "community",
    "youth",
    "women",
    "livelihoods",
    "policy",
    "dialogue",
    "capacity",
    "programme",
    "results",
    "monitoring",
    "evaluation",
    "field",
    "cooperation",
    "municipal",
    "networks",
    "investment",
    "enterprise",
    "training",
    "recognition",
    "qualifications",
    "circular",
    "seasonal",
    "protection",
]
TOPICS = [f"{word.capitalize()} {kind}" for word in WORDS[:20] for kind in ("practice", "policy")]
STATUS_MIX = [
    (CommentStatus.APPROVED, 70),
    (CommentStatus.PENDING, 15),
    (CommentStatus.REJECTED, 10),
    (CommentStatus.SPAM, 5),
]


def saved_post_model():
    """Members' saved posts (the saved app)."""
    return apps.get_model("saved", "SavedPost")


@dataclass
class Sizes:
    posts: int = 100_000
    authors: int = 2_000
    members: int = 1_000
    comments: int = 200_000
    active_posts: int = 20_000
    days: int = 14
    saved: int = 2_000
    batch: int = 5_000


@dataclass
class LargeDataGenerator:
    sizes: Sizes
    seed: int = 1
    created: dict = field(default_factory=dict)

    def __post_init__(self):
        self.random = random.Random(self.seed)
        self.now = timezone.now()

    def already_generated(self) -> bool:
        return Post.objects.filter(slug__startswith=f"{PREFIX}-").exists()

    def run(self) -> dict:
        tags = self.topics()
        authors = self.authors()
        members = self.members()
        post_ids = self.posts()
        self.post_links(post_ids, authors, tags)
        published = list(
            Post.objects.published()
            .filter(slug__startswith=f"{PREFIX}-")
            .values_list("pk", flat=True)
        )
        self.comments(published, members)
        self.activity(published)
        self.saved(published)
        self.refresh_derived(post_ids)
        return self.created

    def _bulk(self, model, rows, name: str):
        made = []
        size = self.sizes.batch
        for start in range(0, len(rows), size):
            made += model.objects.bulk_create(rows[start : start + size])
        self.created[name] = self.created.get(name, 0) + len(made)
        return made

    def _text(self, words: int) -> str:
        return " ".join(self.random.choices(WORDS, k=words)).capitalize() + "."

    def topics(self) -> list[Tag]:
        existing = {tag.name: tag for tag in Tag.objects.filter(name__in=TOPICS)}
        missing = [
            Tag(name=name, slug=name.lower().replace(" ", "-"))
            for name in TOPICS
            if name not in existing
        ]
        self._bulk(Tag, missing, "topics")
        return list(Tag.objects.filter(name__in=TOPICS))

    def authors(self) -> list[int]:
        rows = [
            Author(
                name=f"{self._text(1)[:-1]} Author {n}",
                slug=f"{PREFIX}-author-{n}",
                role="Field practitioner",
                organisation="Practitioners' Network",
                bio=self._text(30),
            )
            for n in range(self.sizes.authors)
        ]
        return [author.pk for author in self._bulk(Author, rows, "authors")]

    def members(self) -> list[int]:
        password = make_password(SAVER_PASSWORD)  # hashed once, shared: hashing is slow
        rows = [
            User(email=f"{PREFIX}-member-{n}@example.org", display_name=f"Member {n}")
            for n in range(self.sizes.members)
        ]
        rows.append(User(email=SAVER_EMAIL, display_name="Large reader"))
        for user in rows:
            user.password = password
        return [user.pk for user in self._bulk(User, rows, "members")]

    def posts(self) -> list[int]:
        rows = []
        for n in range(self.sizes.posts):
            roll = self.random.random()
            if roll < 0.03:
                status, when = (
                    PostStatus.DRAFT,
                    self.now - timedelta(days=self.random.randint(0, 30)),
                )
            elif roll < 0.05:
                status, when = (
                    PostStatus.PUBLISHED,
                    self.now + timedelta(days=self.random.randint(1, 60)),
                )
            else:
                status = PostStatus.PUBLISHED
                when = self.now - timedelta(minutes=self.random.randint(60, 5 * 365 * 24 * 60))
            paragraphs = "".join(
                f"<p>{self._text(60)}</p>" for _ in range(self.random.randint(2, 6))
            )
            rows.append(
                Post(
                    title=f"{self._text(6)[:-1]} {n}",
                    slug=f"{PREFIX}-post-{n}",
                    summary=self._text(25),
                    body=f"<h2>{self._text(4)}</h2>{paragraphs}",
                    status=status,
                    published_at=when,
                )
            )
        return [post.pk for post in self._bulk(Post, rows, "posts")]

    def post_links(self, post_ids, author_ids, tags) -> None:
        post_type = ContentType.objects.get_for_model(Post)
        links, tagged, files = [], [], []
        for post_id in post_ids:
            for position, author_id in enumerate(
                self.random.sample(author_ids, self.random.randint(1, 3))
            ):
                links.append(PostAuthor(post_id=post_id, author_id=author_id, position=position))
            for tag in self.random.sample(tags, self.random.randint(1, 4)):
                tagged.append(TaggedItem(tag=tag, content_type=post_type, object_id=post_id))
            if self.random.random() < 0.3:
                for position in range(self.random.randint(1, 2)):
                    files.append(
                        Attachment(
                            post_id=post_id,
                            title=f"{self._text(3)[:-1]} (PDF)",
                            file=f"attachments/{PREFIX}-missing-{post_id}-{position}.pdf",
                            original_name=f"brief-{post_id}-{position}.pdf",
                            content_type="application/pdf",
                            size=self.random.randint(20_000, 4_000_000),
                            download_count=self.random.randint(0, 500),
                            position=position,
                        )
                    )
        self._bulk(PostAuthor, links, "post authors")
        self._bulk(TaggedItem, tagged, "topic links")
        self._bulk(Attachment, files, "attachments")

    def comments(self, post_ids, member_ids) -> None:
        if not post_ids or not self.sizes.comments:
            return
        statuses = [status for status, _ in STATUS_MIX]
        weights = [weight for _, weight in STATUS_MIX]
        discussed = self.random.sample(
            post_ids, min(len(post_ids), max(1, self.sizes.comments // 7))
        )

        def comment(post_id, parent=None):
            return Comment(
                post_id=post_id,
                parent=parent,
                user_id=self.random.choice(member_ids),
                body=self._text(self.random.randint(8, 60)),
                status=self.random.choices(statuses, weights)[0],
                created_at=self.now - timedelta(minutes=self.random.randint(1, 365 * 24 * 60)),
            )

        top_count = self.sizes.comments * 4 // 5
        tops = self._bulk(
            Comment, [comment(self.random.choice(discussed)) for _ in range(top_count)], "comments"
        )
        approved = [c for c in tops if c.status == CommentStatus.APPROVED] or tops
        replies = []
        for _ in range(self.sizes.comments - top_count):
            parent = self.random.choice(approved)
            replies.append(comment(parent.post_id, parent=parent))
        self._bulk(Comment, replies, "comments")

    def activity(self, post_ids) -> None:
        active = self.random.sample(post_ids, min(len(post_ids), self.sizes.active_posts))
        today = timezone.localdate()
        rows = []
        for post_id in active:
            popularity = self.random.paretovariate(1.5)
            for age in range(self.sizes.days):
                views = int(self.random.random() * 20 * popularity)
                rows.append(
                    PostActivity(
                        post_id=post_id,
                        day=today - timedelta(days=age),
                        views=views,
                        saves=views // 12,
                        comments=views // 25,
                        downloads=views // 8,
                    )
                )
        self._bulk(PostActivity, rows, "activity rows")

    def saved(self, post_ids) -> None:
        saved_post = saved_post_model()
        saver = User.objects.get(email=SAVER_EMAIL)
        chosen = self.random.sample(post_ids, min(len(post_ids), self.sizes.saved))
        rows = [
            saved_post(user=saver, post_id=post_id, saved_at=self.now - timedelta(minutes=n))
            for n, post_id in enumerate(chosen)
        ]
        self._bulk(saved_post, rows, "saved posts")

    def refresh_derived(self, post_ids) -> None:
        """What save() and signals would have kept: comment counts, search vectors, stats."""
        approved = (
            Comment.objects.filter(post=OuterRef("pk"), status=CommentStatus.APPROVED)
            .order_by()
            .values("post")
            .annotate(n=Count("pk"))
            .values("n")
        )
        Post.objects.filter(Q(slug__startswith=f"{PREFIX}-")).update(
            comment_count=Coalesce(Subquery(approved, output_field=IntegerField()), 0)
        )
        postgres = connection.vendor == "postgresql"
        if postgres:  # building the GIN index once is far faster than 100,000 insertions
            with connection.cursor() as cursor:
                cursor.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
        for start in range(0, len(post_ids), self.sizes.batch):
            update_search_vectors(post_ids[start : start + self.sizes.batch])
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"CREATE INDEX {SEARCH_INDEX} ON posts_post USING gin (search_vector)"
                )
                cursor.execute("ANALYZE")
