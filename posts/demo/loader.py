"""Load the demo content: only what is missing is created, so loading twice changes nothing.

Objects are found again by natural keys (author and post slugs, attachment
titles, account emails, activity days), never by primary key.
"""

import random
import zlib
from collections import Counter
from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date
from taggit.models import Tag

from accounts.models import User

from ..groups import EDITORS
from ..models import Attachment, Author, Image, Post, PostActivity, PostAuthor, PostStatus
from ..multilingual import TopicTranslation, forget_topic_names
from ..search.index import update_search_vectors
from ..uploads import validate_attachment_upload
from .catalogue import AUTHORS, POSTS, DemoPost
from .images import landscape_jpeg, portrait_png
from .pdfs import brief_pdf
from .pictures import PICTURES
from .topic_names import TOPIC_NAMES

ACTIVITY_DAYS = 14
SINGULAR = {
    "accounts": "account",
    "activity days": "activity day",
    "authors": "author",
    "email addresses": "email address",
    "files": "file",
    "group memberships": "group membership",
    "posts": "post",
    "topic names": "topic name",
}


class DemoAccount:
    def __init__(self, email, password, display_name, *, staff=False, groups=()):
        self.email = email
        self.password = password
        self.display_name = display_name
        self.staff = staff
        self.groups = groups


ACCOUNTS = [
    DemoAccount(
        "editor@example.org",
        "portal-editor",
        "Edith Editor",
        staff=True,
        groups=(EDITORS,),  # comments.demo adds Moderators
    ),
    DemoAccount("reader@example.org", "portal-reader", "Rita Reader"),
]


class DemoLoader:
    """Creates what is missing; with dry_run it only counts what it would create."""

    def __init__(self, dry_run: bool = False):
        self.dry_run = dry_run
        self.created: Counter[str] = Counter()
        self.today = timezone.localdate()
        self.now = timezone.now()

    def run(self) -> Counter:
        with transaction.atomic():
            authors = self.load_authors()
            for demo in POSTS:
                self.load_post(demo, authors)
            self.load_topic_names()
            self.load_accounts()
        return self.created

    # Authors -----------------------------------------------------------------

    def load_authors(self) -> dict[str, Author]:
        existing = Author.objects.in_bulk([demo.slug for demo in AUTHORS], field_name="slug")
        for demo in AUTHORS:
            if demo.slug in existing:
                continue
            self.created["authors"] += 1
            if self.dry_run:
                continue
            author = Author(
                slug=demo.slug,
                name=demo.name,
                role=demo.role,
                organisation=demo.organisation,
                bio=demo.bio,
            )
            author.portrait.save(
                f"{demo.slug}.png", ContentFile(portrait_png(demo.name, demo.colour)), save=False
            )
            author.save()
            existing[demo.slug] = author
        return existing

    # Posts -------------------------------------------------------------------

    def load_post(self, demo: DemoPost, authors: dict[str, Author]) -> None:
        post = Post.objects.filter(slug=demo.slug).first()
        created = post is None
        if created:
            self.created["posts"] += 1
            if self.dry_run:
                return self.count_new_post_parts(demo)
            post = Post.objects.create(
                slug=demo.slug,
                title=demo.title,
                summary=demo.summary,
                body=demo.body,
                status=PostStatus.DRAFT if demo.status == "draft" else PostStatus.PUBLISHED,
                published_at=self.publication_date(demo),
                language=demo.language,
                translation_of=Post.objects.filter(slug=demo.translation_of).first()
                if demo.translation_of
                else None,
            )
            post.tags.add(*demo.topics)
            PostAuthor.objects.bulk_create(
                PostAuthor(post=post, author=authors[slug], position=position)
                for position, slug in enumerate(demo.authors)
            )
            # bulk_create sends no signals: index the author names it added.
            update_search_vectors([post.pk])
        self.load_featured_image(post, demo)
        self.load_attachment(post, demo, authors)
        self.load_activity(post, demo)
        if created:
            # Not edited since publication: the byline says "updated" only when it was.
            Post.objects.filter(pk=post.pk).update(updated_at=min(post.published_at, self.now))

    def load_featured_image(self, post: Post, demo: DemoPost) -> None:
        picture = PICTURES.get(demo.slug)
        if picture is None or post.featured_image_id:
            return
        self.created["images"] += 1
        if self.dry_run:
            return
        image = Image(alt_text=picture.alt_text, caption=picture.caption, credit=picture.credit)
        image.file = ContentFile(
            landscape_jpeg(picture.sky, picture.land, picture.sun), name="demo.jpg"
        )
        image.save()
        Post.objects.filter(pk=post.pk).update(featured_image=image)

    def count_new_post_parts(self, demo: DemoPost) -> None:
        if demo.slug in PICTURES:
            self.created["images"] += 1
        if demo.attachment_title:
            self.created["files"] += 1
        if demo.status == "published" and demo.scheduled_in_days is None:
            self.created["activity days"] += ACTIVITY_DAYS

    def publication_date(self, demo: DemoPost):
        if demo.published_at:
            return demo.published_at
        if demo.scheduled_in_days is not None:
            return self.now + timedelta(days=demo.scheduled_in_days)
        return (self.now - timedelta(days=demo.days_ago or 0)).replace(
            minute=0, second=0, microsecond=0
        )

    def load_attachment(self, post: Post, demo: DemoPost, authors: dict[str, Author]) -> None:
        if not demo.attachment_title:
            return
        if Attachment.objects.filter(post=post, title=demo.attachment_title).exists():
            return
        self.created["files"] += 1
        if self.dry_run:
            return
        pdf = brief_pdf(
            title=post.title,
            summary=post.summary,
            body=post.body,
            authors=[authors[slug].name for slug in demo.authors],
            date=format_date(post.published_at, "F j, Y"),
        )
        attachment = Attachment(
            post=post,
            title=demo.attachment_title,
            file=ContentFile(pdf, name=f"{demo.slug}.pdf"),
        )
        # The same checks as an editor's upload; they also record name, type and size.
        validate_attachment_upload(attachment)
        attachment.save()

    def load_activity(self, post: Post, demo: DemoPost) -> None:
        """Daily reads (and downloads) for the last two weeks, rising for trending posts."""
        if not post.is_published:
            return
        days = [self.today - timedelta(days=age) for age in range(ACTIVITY_DAYS)]
        known = set(
            PostActivity.objects.filter(post=post, day__in=days).values_list("day", flat=True)
        )
        missing = [day for day in days if day not in known]
        if not missing:
            return
        self.created["activity days"] += len(missing)
        if self.dry_run:
            return
        has_file = post.attachments.exists()
        rows = []
        for day in missing:
            age = (self.today - day).days
            # Seeded by post and day, so the numbers are the same on every machine.
            rng = random.Random(zlib.crc32(f"{demo.slug}:{day.isoformat()}".encode()))
            recent_boost = 1 + demo.trend * (ACTIVITY_DAYS - age) / ACTIVITY_DAYS
            views = max(0, round(demo.popularity * recent_boost * rng.uniform(0.6, 1.4)))
            downloads = round(views * rng.uniform(0.05, 0.2)) if has_file else 0
            rows.append(PostActivity(post=post, day=day, views=views, downloads=downloads))
        PostActivity.objects.bulk_create(rows, ignore_conflicts=True)
        if has_file:
            total = sum(row.downloads for row in rows)
            first = post.attachments.first()
            Attachment.objects.filter(pk=first.pk).update(
                download_count=first.download_count + total
            )

    # Topic names -------------------------------------------------------------

    def load_topic_names(self) -> None:
        tags = {tag.name: tag for tag in Tag.objects.filter(name__in=TOPIC_NAMES)}
        existing = set(TopicTranslation.objects.values_list("tag__name", "language"))
        missing = [
            (topic, language, name)
            for topic, names in TOPIC_NAMES.items()
            for language, name in names.items()
            if (topic, language) not in existing
        ]
        self.created["topic names"] += len(missing)
        if self.dry_run or not missing:
            return
        TopicTranslation.objects.bulk_create(
            TopicTranslation(tag=tags[topic], language=language, name=name)
            for topic, language, name in missing
            if topic in tags
        )
        forget_topic_names(sender=TopicTranslation, instance=None)  # bulk_create sends no signal

    # Accounts ----------------------------------------------------------------

    def load_accounts(self) -> None:
        from allauth.account.models import EmailAddress

        for account in ACCOUNTS:
            user = User.objects.filter(email=account.email).first()
            if user is None:
                self.created["accounts"] += 1
                if self.dry_run:
                    continue
                user = User.objects.create_user(
                    email=account.email,
                    password=account.password,
                    display_name=account.display_name,
                    is_staff=account.staff,
                )
            if self.dry_run:
                continue
            _, made = EmailAddress.objects.get_or_create(
                user=user,
                email=account.email,
                defaults={"verified": True, "primary": True},
            )
            if made:
                self.created["email addresses"] += 1
            for name in account.groups:
                # get_or_create works whether or not the group's migration ran first.
                group, _ = Group.objects.get_or_create(name=name)
                if not user.groups.filter(pk=group.pk).exists():
                    user.groups.add(group)
                    self.created["group memberships"] += 1


def summary_line(created: Counter, dry_run: bool) -> str:
    totals = (
        f"{Post.objects.count()} posts "
        f"({Post.objects.published().count()} published), "
        f"{Author.objects.count()} authors, {Attachment.objects.count()} files"
    )
    made = (
        ", ".join(
            f"{count} {what if count != 1 else SINGULAR.get(what, what)}"
            for what, count in sorted(created.items())
        )
        or "nothing"
    )
    verb = "would create" if dry_run else "created"
    return f"Demo content: {verb} {made}; the portal has {totals}."
