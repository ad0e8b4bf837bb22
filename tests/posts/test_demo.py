"""`manage.py load_demo`: enough content to try the portal, loaded idempotently."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from accounts.models import User
from posts.models import Attachment, Author, Post, PostActivity, PostAuthor, TopicTranslation

pytestmark = pytest.mark.django_db

COUNTED = [User, EmailAddress, Author, Post, PostAuthor, Attachment, PostActivity, Tag]


def load_demo(*args) -> str:
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


_rendered_pdfs: dict[str, bytes] = {}


@pytest.fixture(autouse=True)
def _render_each_pdf_once(monkeypatch):
    """WeasyPrint is the slow part: render each demo PDF once for the whole module."""
    from posts.demo import loader

    def cached_brief_pdf(**kwargs):
        key = kwargs["title"]
        if key not in _rendered_pdfs:
            _rendered_pdfs[key] = real_brief_pdf(**kwargs)
        return _rendered_pdfs[key]

    real_brief_pdf = loader.brief_pdf
    monkeypatch.setattr(loader, "brief_pdf", cached_brief_pdf)


@pytest.fixture
def demo(db):
    return load_demo()


def test_demo_has_what_the_issue_asks_for(demo):
    published = Post.objects.published()
    assert published.count() >= 12
    assert Tag.objects.filter(post__in=published).distinct().count() >= 8
    assert Author.objects.count() >= 6
    assert Author.objects.exclude(portrait="").count() == Author.objects.count()
    assert Post.objects.filter(status="draft").count() == 1
    assert Post.objects.filter(status="published").exclude(pk__in=published).count() == 1
    assert Attachment.objects.count() >= 3
    assert PostActivity.objects.filter(post__in=published).values("day").distinct().count() == 14


def test_portraits_are_small_pngs(demo):
    for author in Author.objects.all():
        data = author.portrait.read()
        assert data.startswith(b"\x89PNG"), author.name
        assert len(data) < 20_000


def test_bodies_are_rich(demo):
    for post in Post.objects.all():
        for tag in ("<h2>", "<ul>", "<blockquote>", '<a href="https://'):
            assert tag in post.body, (post.slug, tag)


def test_diaspora_brief_is_the_longest_post_with_its_pdf(demo):
    post = Post.objects.get(title__contains="Diaspora")
    assert post.published_at.date().isoformat() == "2021-10-14"
    assert post.is_published
    assert any(author.role == "Migration advisor" for author in post.ordered_authors)
    assert {"Western Balkans", "South Caucasus"} <= set(post.tags.names())
    assert "Eastern Europe" in post.body
    longest = max(Post.objects.all(), key=lambda each: len(each.body))
    assert longest == post
    attachment = post.attachments.get()
    assert attachment.content_type == "application/pdf"
    assert attachment.size > 1000
    with attachment.file.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_diaspora_brief_is_downloadable_from_its_page(demo, client):
    post = Post.objects.get(title__contains="Diaspora")
    attachment = post.attachments.get()

    page = client.get(post.get_absolute_url())
    download = client.get(attachment.get_absolute_url())

    assert attachment.get_absolute_url() in page.text
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_loading_twice_changes_nothing(demo):
    before = counts()
    downloads = sorted(Attachment.objects.values_list("download_count", flat=True))

    output = load_demo()

    assert counts() == before
    assert sorted(Attachment.objects.values_list("download_count", flat=True)) == downloads
    assert output.count("\n") == 1
    assert "created nothing" in output


def test_load_demo_is_silent_at_verbosity_zero(demo):
    out = StringIO()

    call_command("load_demo", verbosity=0, stdout=out)

    assert out.getvalue() == ""


def test_dry_run_changes_nothing(db):
    output = load_demo("--dry-run")

    assert all(count == 0 for count in counts().values())
    assert "would create" in output
    assert "posts" in output


def test_trending_has_topics_after_loading(demo, client):
    from posts.trending import compute_trending_topics

    topics = compute_trending_topics(limit=10)

    assert len(topics) >= 5
    assert topics[0].score > topics[-1].score
    assert all(topic.reads_this_week > 0 for topic in topics)


@pytest.mark.parametrize(
    ("email", "password"),
    [("editor@example.org", "portal-editor"), ("reader@example.org", "portal-reader")],
)
def test_demo_accounts_can_log_in(demo, client, email, password):
    assert client.login(email=email, password=password)
    user = User.objects.get(email=email)
    assert user.display_name
    assert EmailAddress.objects.filter(user=user, email=email, verified=True, primary=True).exists()


def test_demo_accounts_log_in_through_allauth(demo, client):
    response = client.post(
        "/accounts/login/", {"login": "reader@example.org", "password": "portal-reader"}
    )

    assert response.status_code == 302
    assert client.session.get("_auth_user_id")


def test_demo_editor_is_staff_editor_and_moderator_and_reader_is_not(demo):
    editor = User.objects.get(email="editor@example.org")
    reader = User.objects.get(email="reader@example.org")

    assert editor.is_staff and not editor.is_superuser
    assert set(editor.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert editor.has_perm("posts.add_post")
    assert not reader.is_staff
    assert not reader.groups.exists()


def test_editor_group_membership_is_restored_when_missing(demo):
    editor = User.objects.get(email="editor@example.org")
    editor.groups.remove(Group.objects.get(name="Editors"))

    output = load_demo()

    assert editor.groups.filter(name="Editors").exists()
    assert "created 1 group membership;" in output


def test_the_editors_reply_sits_under_the_question_it_answers(demo):
    from comments.demo import EDITOR_REPLY
    from comments.models import Comment

    reply = Comment.objects.get(body=EDITOR_REPLY)
    assert "Spanish version" in reply.parent.body
    assert reply.created_at > reply.parent.created_at


def test_demo_posts_are_not_marked_updated(demo):
    assert not any(post.was_updated for post in Post.objects.published())


def test_demo_has_posts_in_every_script_and_a_translation_group(demo):
    original = Post.objects.get(title__startswith="Diaspora engagement")
    translations = Post.objects.filter(translation_of=original)

    assert set(translations.values_list("language", flat=True)) == {"ru", "ka"}
    assert {"uk", "sr-latn", "hy"} <= set(Post.objects.values_list("language", flat=True))


def test_demo_authors_are_searchable_without_their_accents(demo):
    from posts.search import search_posts

    found = [post.slug for post in search_posts("markovic")]

    assert "hometown-associations-as-development-partners" in found


def test_every_demo_topic_is_named_in_every_language(demo, client):
    topics = set(Tag.objects.values_list("name", flat=True))
    languages = {code for code, _ in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    named = set(TopicTranslation.objects.values_list("tag__name", "language"))

    assert named == {(topic, language) for topic in topics for language in languages}
    with translation.override("ka"):
        html = client.get(reverse("posts:trending")).content.decode()
    assert "დიასპორა" in html and ">Diaspora<" not in html
