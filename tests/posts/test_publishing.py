"""Publishing checks, the slug's rules and old addresses, in the post admin."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from posts.models import Post, PostStatus
from tests.factories import AuthorFactory, ImageFactory, PostFactory
from tests.posts.test_admin import ADD, CHANGELIST, add_post_form

pytestmark = pytest.mark.django_db

PUBLISHED = {"status": PostStatus.PUBLISHED}
NO_AUTHORS = {"post_authors-TOTAL_FORMS": "0"}


def errors_of(response) -> str:
    assert response.status_code == 200, "the form was accepted"
    return response.text


def test_a_draft_saves_without_author_summary_or_alt_text(editor_client):
    unnamed = ImageFactory(alt_text="")
    form = add_post_form(summary="", featured_image=unnamed.pk, **NO_AUTHORS)

    response = editor_client.post(ADD, form)

    assert response.status_code == 302
    post = Post.objects.get(slug="diaspora-bonds-reconsidered")
    assert post.status == PostStatus.DRAFT and post.summary == ""


@pytest.mark.parametrize("when", ["now", "tomorrow"])
def test_publishing_or_scheduling_without_an_author_is_refused(editor_client, when):
    date = timezone.localtime() + timedelta(days=1 if when == "tomorrow" else 0)
    form = add_post_form(**PUBLISHED, **NO_AUTHORS, published_at_0=date.strftime("%Y-%m-%d"))

    text = errors_of(editor_client.post(ADD, form))

    assert "Add at least one author before publishing or scheduling." in text
    assert not Post.objects.exists()


def test_removing_the_last_author_of_a_published_post_is_refused(editor_client):
    form = add_post_form(
        **PUBLISHED,
        **{"post_authors-0-DELETE": "on", "post_authors-1-DELETE": "on"},
    )

    text = errors_of(editor_client.post(ADD, form))

    assert "Add at least one author" in text


def test_publishing_without_a_summary_is_refused(editor_client):
    text = errors_of(editor_client.post(ADD, add_post_form(**PUBLISHED, summary=" ")))

    assert "Write a summary before publishing or scheduling" in text
    assert not Post.objects.exists()


def test_publishing_with_a_featured_image_without_alt_text_is_refused(editor_client):
    form = add_post_form(**PUBLISHED, featured_image=ImageFactory(alt_text="").pk)

    text = errors_of(editor_client.post(ADD, form))

    assert "Give the featured image alt text" in text


def test_publishing_with_a_body_image_without_alt_text_is_refused(editor_client):
    image = ImageFactory()
    body = f'<figure><img src="{image.url}" alt="" data-file="{image.pk}"></figure>'

    text = errors_of(editor_client.post(ADD, add_post_form(**PUBLISHED, body=body)))

    assert "Every image in the body needs alt text" in text
    assert not Post.objects.exists()


def test_a_complete_post_is_published(editor_client):
    image = ImageFactory()
    body = f'<figure><img src="{image.url}" alt="Hills" data-file="{image.pk}"></figure>'
    form = add_post_form(**PUBLISHED, body=body, featured_image=image.pk)

    response = editor_client.post(ADD, form)

    assert response.status_code == 302
    post = Post.objects.get()
    assert post.is_published and post.featured_image == image
    assert f'data-file="{image.pk}"' in post.body


def test_publish_now_refuses_an_incomplete_post_and_says_why(editor_client):
    incomplete = PostFactory(draft=True, summary="")
    complete = PostFactory(draft=True, authors=[AuthorFactory()])

    response = editor_client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [incomplete.pk, complete.pk]},
        follow=True,
    )

    assert f"“{incomplete.title}” was not published" in response.text
    assert "Add at least one author" in response.text and "Write a summary" in response.text
    assert "1 post is now published." in response.text
    assert Post.objects.get(pk=incomplete.pk).status == PostStatus.DRAFT
    assert Post.objects.get(pk=complete.pk).is_published


# The slug ---------------------------------------------------------------------


def test_the_slug_is_at_most_80_characters(editor_client):
    text = errors_of(editor_client.post(ADD, add_post_form(slug="a" * 81)))

    assert "at most 80 characters" in text


def test_the_slug_is_fixed_once_published(editor_client):
    post = PostFactory(slug="first-address", authors=[AuthorFactory()])
    change = reverse("admin:posts_post_change", args=[post.pk])

    page = editor_client.get(change).text

    assert 'name="slug"' not in page and "first-address" in page


def test_the_old_address_redirects_once_the_post_is_published(client):
    post = PostFactory(slug="first-address", draft=True)
    post.slug = "better-address"
    post.save()

    assert client.get("/posts/first-address/").status_code == 404  # still a draft

    post.status = PostStatus.PUBLISHED
    post.save()
    response = client.get("/posts/first-address/")

    assert response.status_code == 301
    assert response.url == "/posts/better-address/"


def test_a_new_post_may_take_an_old_address(client):
    old = PostFactory(slug="shared-name")
    old.slug = "renamed"
    old.save()
    newer = PostFactory(slug="shared-name", title="The newer post")

    response = client.get("/posts/shared-name/")

    assert response.status_code == 200 and "The newer post" in response.text
    assert not newer.old_slugs.exists()


# The form's helpers ---------------------------------------------------------------


def test_topics_suggest_existing_topics_without_javascript(editor_client):
    PostFactory(topics=["Remittances", "Climate adaptation"])

    text = editor_client.get(ADD).text

    assert 'list="id_tags-suggestions"' in text
    assert '<option value="Climate adaptation">' in text


def test_the_summary_carries_its_limit_for_the_counter(editor_client):
    text = editor_client.get(ADD).text

    assert 'data-character-counter maxlength="600"' in text or (
        "data-character-counter" in text and 'maxlength="600"' in text
    )
    assert "js/admin-posts.js" in text
