"""Demo-like content for the journeys: a dozen posts, authors, topics, files and readers.

Built with the suite's factories rather than `load_demo`, so the journeys can
name what they expect to see without depending on the demo's wording.
"""

import importlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from comments.models import Comment, CommentStatus
from posts.models import Post, PostActivity
from posts.trending import refresh_trending_snapshot
from tests.factories import AttachmentFactory, AuthorFactory, PostFactory, UserFactory

PASSWORD = "correct horse battery"

BODY = """
<h2>What we tried</h2>
<p>Returnees in three regions met every fortnight with local employers. We kept a
<a href="https://example.org/method">shared method note</a> and changed it as we learned.</p>
<ul><li>Peer mentoring for the first six months</li><li>Small grants tied to a business plan</li></ul>
<blockquote><p>The first months decide whether people stay.</p></blockquote>
<h3>What we would do differently</h3>
<ol><li>Start with the employers.</li><li>Budget for childcare.</li></ol>
"""

# A tiny but valid one-page PDF, so the download is a real file.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@dataclass
class Library:
    post: Post  # the post the journeys read: two authors, two topics, two files
    other_posts: list[Post]
    draft: Post
    scheduled: Post
    editor_email: str
    member_email: str


def staff_groups() -> list[Group]:
    """The Editors and Moderators groups with the permissions their migrations give them.

    Transactional tests empty every table, so the groups are rebuilt here from the
    migrations' own lists, by model, whatever state the permission table is in.
    """
    editors = importlib.import_module("posts.migrations.0006_editors_group")
    images = importlib.import_module("posts.migrations.0008_images_and_seo")
    moderators = importlib.import_module("comments.migrations.0002_moderators_group")
    wanted = {
        editors.GROUP: [
            (app_label, model, f"{action}_{model}")
            for (app_label, model), actions in editors.PERMISSIONS.items()
            for action in actions
        ]
        + [("posts", "image", codename) for codename in images.IMAGE_PERMISSIONS],
        "Moderators": [
            ("comments", codename.split("_", 1)[1], codename)
            for codename in moderators.MODERATOR_PERMISSIONS
        ],
    }
    groups = []
    for name, permissions in wanted.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            content_type = ContentType.objects.get_for_model(apps.get_model(app_label, model))
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename}
            )
            group.permissions.add(permission)
        groups.append(group)
    return groups


def build_library() -> Library:
    amina = AuthorFactory(
        name="Amina Diallo",
        slug="amina-diallo",
        role="Programme lead",
        organisation="Sahel Returns Network",
        bio="Amina has worked with returning migrants in Senegal and Mali since 2012.",
    )
    jonas = AuthorFactory(
        name="Jonas Berg",
        slug="jonas-berg",
        role="Monitoring adviser",
        organisation="Practitioners' Network",
        bio="Jonas designs light monitoring for field teams.",
    )
    lucia = AuthorFactory(name="Lucía Ortega", slug="lucia-ortega", role="Researcher")

    post = PostFactory(
        title="Learning from return migration in West Africa",
        slug="learning-from-return-migration",
        summary="What three years of reintegration support taught us about jobs, peers and time.",
        body=BODY,
        # Microseconds, as "Publish now" gives: <time datetime> must still be valid HTML.
        published_at=timezone.make_aware(datetime(2021, 10, 14, 9, 0, 0, 123456)),
        topics=["Migration", "Livelihoods"],
        authors=[amina, jonas],
    )
    AttachmentFactory(
        post=post,
        title="Full learning brief",
        file__filename="learning-brief.pdf",
        file__data=PDF_BYTES,
        original_name="learning-brief.pdf",
        size=len(PDF_BYTES),
        position=0,
    )
    AttachmentFactory(
        post=post,
        title="Survey data",
        file__filename="survey.csv",
        file__data=b"region,returnees\nKayes,120\nTambacounda,87\n",
        original_name="survey.csv",
        content_type="text/csv",
        size=44,
        position=1,
    )

    topics = ["Migration", "Climate adaptation", "Health", "Education", "Livelihoods"]
    others = [
        PostFactory(
            title=f"Good practice {n}: {topics[n % len(topics)].lower()} in the field",
            slug=f"good-practice-{n}",
            summary=f"Field note {n} on {topics[n % len(topics)].lower()}.",
            published_at=post.published_at - timedelta(days=3 * n + 1),
            topics=[topics[n % len(topics)]],
            authors=[lucia] if n % 2 else [jonas],
        )
        for n in range(11)
    ]
    draft = PostFactory(title="Unfinished draft about water", slug="draft-water", draft=True)
    scheduled = PostFactory(
        title="Scheduled brief on schools", slug="scheduled-schools", scheduled=True
    )

    # Recent reading, so trending has something to rank.
    for age, target in enumerate([post, post, others[0], others[1]]):
        PostActivity.objects.record(
            target.pk, "views", amount=5, day=timezone.localdate() - timedelta(days=age)
        )

    editor = UserFactory(email="editor@example.org", display_name="Edith Editor", is_staff=True)
    editor.groups.add(*staff_groups())
    # Verification is mandatory: the editor logs in through the portal's login.
    EmailAddress.objects.create(user=editor, email=editor.email, primary=True, verified=True)
    member = UserFactory(email="reader@example.org", display_name="Rita Reader")

    # A conversation under way, so the post page shows comments as readers see them.
    other = UserFactory(email="omar@example.org", display_name="Omar Field")
    Comment.objects.create(
        post=post,
        user=other,
        body="We found the same in Tambacounda.\nPeer groups kept people going.",
        status=CommentStatus.APPROVED,
        created_at=timezone.now() - timedelta(hours=5),
    )
    Comment.objects.recount([post.pk])
    refresh_trending_snapshot()  # what the periodic task does: pages only read the ranking
    return Library(post, others, draft, scheduled, editor.email, member.email)
