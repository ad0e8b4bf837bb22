"""Named query shapes and the posts–comments seam, defined once and used everywhere."""

import ast
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import RequestFactory

from posts.models import Post, get_visible_post
from tests.factories import AttachmentFactory, AuthorFactory, PostFactory

ROOT = Path(settings.BASE_DIR)
APPS = ["posts", "saved", "comments", "accounts", "portal"]


def source_files(*apps):
    for app in apps:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


@pytest.mark.django_db
def test_post_page_shape_loads_authors_topics_and_files_in_order(django_assert_num_queries):
    first, second = AuthorFactory(name="First"), AuthorFactory(name="Second")
    post = PostFactory(authors=[first, second], topics=["Water"])
    AttachmentFactory(post=post, title="Later", position=2)
    AttachmentFactory(post=post, title="Sooner", position=1)

    with django_assert_num_queries(4):  # the post, its authors, topics and files
        loaded = Post.objects.for_post_page().get(pk=post.pk)
    with django_assert_num_queries(0):
        assert [author.name for author in loaded.ordered_authors] == ["First", "Second"]
        assert [tag.name for tag in loaded.tags.all()] == ["Water"]
        assert [file.title for file in loaded.attachments.all()] == ["Sooner", "Later"]


@pytest.mark.django_db
def test_get_visible_post_is_the_post_page_shape_or_404(django_assert_num_queries):
    post = PostFactory(authors=[AuthorFactory()])
    draft = PostFactory(draft=True)
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    loaded = get_visible_post(request, post.slug)
    with django_assert_num_queries(0):
        assert len(loaded.ordered_authors) == 1
        assert list(loaded.attachments.all()) == []
    with pytest.raises(Http404):
        get_visible_post(request, draft.slug)


@pytest.mark.parametrize(
    "path", list(source_files(*APPS)), ids=lambda path: str(path.relative_to(ROOT))
)
def test_authors_and_files_are_prefetched_only_by_their_named_shape(path):
    """authors_prefetch() and attachments_prefetch() in posts/models.py are the only copies."""
    if path == ROOT / "posts" / "models.py":
        return
    text = path.read_text()
    hand_written = re.findall(
        r"""Prefetch\(\s*f?["'][\w_]*(?:post_authors|attachments)["']"""
        r"""|prefetch_related\([^)]*["'][\w_]*(?:post_authors|attachments)["']""",
        text,
    )
    assert not hand_written, f"use authors_prefetch()/attachments_prefetch(): {hand_written}"


@pytest.mark.parametrize(
    "path", list(source_files("posts")), ids=lambda path: str(path.relative_to(ROOT))
)
def test_no_order_by_repeats_meta_ordering(path):
    """Post, PostAuthor and Attachment already order themselves (Meta.ordering)."""
    repeated = re.findall(
        r"""order_by\(\s*["']-published_at["'],\s*["']-pk["']\s*\)"""
        r"""|order_by\(\s*["']position["'],\s*["']pk["']\s*\)""",
        path.read_text(),
    )
    assert not repeated, repeated


@pytest.mark.parametrize(
    "path", list(source_files("comments")), ids=lambda path: str(path.relative_to(ROOT))
)
def test_comments_never_import_post_views(path):
    """Comments depend on posts' model layer, never on its views."""
    tree = ast.parse(path.read_text())
    imported = [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("posts.views")]
