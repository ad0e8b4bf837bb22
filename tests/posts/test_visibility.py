import pytest

from posts.models import Post
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_published_excludes_drafts_and_scheduled_posts():
    published = PostFactory()
    PostFactory(draft=True)
    PostFactory(scheduled=True)

    assert list(Post.objects.published()) == [published]


def test_scheduled_post_appears_when_its_time_comes():
    post = PostFactory(scheduled=True)

    assert not Post.objects.published().filter(pk=post.pk).exists()
    assert Post.objects.published(at=post.published_at).filter(pk=post.pk).exists()


@pytest.mark.parametrize("trait", ["draft", "scheduled"])
def test_hidden_post_page_is_404_for_the_public(client, trait):
    post = PostFactory(**{trait: True})

    response = client.get(post.get_absolute_url())

    assert response.status_code == 404


def test_staff_preview_hidden_post(editor_client):
    post = PostFactory(draft=True, title="Draft on diaspora bonds")

    response = editor_client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Draft on diaspora bonds" in response.text
    assert "Preview: this post is a draft" in response.text


def test_published_post_page_shows_title_and_date(client):
    post = PostFactory(title="Diaspora engagement")

    response = client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Diaspora engagement" in response.text
    assert post.published_at.strftime("%B") in response.text


def hidden_posts():
    author = AuthorFactory(name="Vera Visible", slug="vera")
    shown = PostFactory(title="Shown brief on water", authors=[author], topics=["Water"])
    PostFactory(title="Draft brief on water", authors=[author], topics=["Water"], draft=True)
    PostFactory(
        title="Scheduled brief on water", authors=[author], topics=["Water"], scheduled=True
    )
    return shown


@pytest.mark.parametrize(
    "url",
    ["/", "/topics/water/", "/authors/vera/", "/search/?q=water"],
    ids=["home", "topic", "author", "search"],
)
@pytest.mark.parametrize("as_editor", [False, True], ids=["public", "editor"])
def test_lists_show_only_published_posts_to_everyone(client, editor, url, as_editor):
    """Staff preview single posts, but lists are what the public sees."""
    hidden_posts()
    if as_editor:
        client.force_login(editor)

    text = client.get(url).text

    assert "Shown brief on water" in text
    assert "Draft brief on water" not in text
    assert "Scheduled brief on water" not in text


def test_topic_with_only_hidden_posts_is_404(client):
    PostFactory(topics=["Secret plans"], draft=True)
    PostFactory(topics=["Secret plans"], scheduled=True)

    assert client.get("/topics/secret-plans/").status_code == 404


def test_trending_ignores_activity_on_hidden_posts(client):
    from posts.models import PostActivity

    draft = PostFactory(topics=["Hidden topic"], draft=True)
    PostActivity.objects.record(draft.pk, "views", amount=100)

    assert "Hidden topic" not in client.get("/topics/").text


def test_staff_preview_scheduled_post_says_when(editor_client):
    post = PostFactory(scheduled=True, title="Coming soon")

    response = editor_client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: scheduled for" in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text


def test_member_cannot_preview_drafts(member_client):
    post = PostFactory(draft=True)

    assert member_client.get(post.get_absolute_url()).status_code == 404


def test_previews_do_not_count_as_reads(editor_client):
    from posts.models import PostActivity

    post = PostFactory(draft=True)

    editor_client.get(post.get_absolute_url())

    assert not PostActivity.objects.filter(post=post).exists()
