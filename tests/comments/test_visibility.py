"""Pending comments are invisible to the public everywhere; authors see their own."""

import pytest
from django.urls import reverse

from comments.models import Comment, CommentStatus
from tests.comments.conftest import HTMX

pytestmark = pytest.mark.django_db

SECRET = "Pending words nobody else may read"


@pytest.fixture
def thread(post, member, other_member, make_comment, recount):
    make_comment(post, other_member, "An approved remark on bonds")
    make_comment(post, member, SECRET, status=CommentStatus.PENDING)
    make_comment(post, other_member, "Rejected remark", status=CommentStatus.REJECTED)
    make_comment(post, other_member, "Spam remark", status=CommentStatus.SPAM)
    return recount(post)


def test_count_is_approved_only(thread):
    assert thread.comment_count == 1


@pytest.mark.parametrize("who", ["anonymous", "other"])
def test_post_page_shows_approved_only(client, other_member, thread, who):
    if who == "other":
        client.force_login(other_member)

    page = client.get(thread.get_absolute_url()).text

    assert "Comments (1)" in page
    assert "An approved remark on bonds" in page
    for hidden in (SECRET, "Rejected remark", "Spam remark", "awaiting moderation"):
        assert hidden not in page


def test_author_sees_own_pending_comment_marked(member_client, thread):
    page = member_client.get(thread.get_absolute_url()).text

    assert SECRET in page
    assert "awaiting moderation" in page
    assert "Comments (1)" in page  # still counts approved only


def test_pending_not_in_partials(client, thread):
    url = reverse("comments:page", args=[thread.slug]) + "?comments_page=1"

    response = client.get(url, **HTMX)

    assert response.status_code == 200
    assert "An approved remark on bonds" in response.text
    assert SECRET not in response.text


def test_cards_show_approved_count(client, thread):
    page = client.get(reverse("posts:latest")).text

    assert "Comments (1)" in page
    assert SECRET not in page


@pytest.mark.parametrize(
    "url_name", ["posts:feed_latest", "posts:feed_latest_atom", "sitemap", "posts:search"]
)
def test_pending_text_not_in_feeds_or_search(client, thread, url_name):
    url = reverse(url_name) + ("?q=Pending+words" if url_name == "posts:search" else "")

    response = client.get(url)

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_pending_text_not_in_print_view_or_pdf(client, thread):
    from tests.pdfs import read_pdf

    printed = client.get(reverse("posts:print", args=[thread.slug]))
    pdf = client.get(reverse("posts:pdf", args=[thread.slug]))

    assert printed.status_code == 200 and SECRET not in printed.text
    text = " ".join(page.extract_text() for page in read_pdf(pdf).pages)
    assert pdf.status_code == 200 and "Diaspora bonds" in text and SECRET not in text


def test_pending_reply_visible_to_its_author_only(client, member, other_member, post, make_comment):
    parent = make_comment(post, other_member, "Top level")
    make_comment(post, member, "My pending reply", status=CommentStatus.PENDING, parent=parent)

    assert "My pending reply" not in client.get(post.get_absolute_url()).text
    client.force_login(member)
    assert "My pending reply" in client.get(post.get_absolute_url()).text


def test_reply_to_hidden_comment_is_not_counted(post, other_member, make_comment, recount):
    parent = make_comment(post, other_member, "Top", status=CommentStatus.REJECTED)
    make_comment(post, other_member, "Reply", parent=parent)

    assert recount(post).comment_count == 0


def test_comments_on_drafts_are_404(client, member_client, make_comment):
    from tests.factories import PostFactory

    draft = PostFactory(draft=True)
    make_comment(draft, None, "Draft talk")

    assert client.get(reverse("comments:page", args=[draft.slug]), **HTMX).status_code == 404
    response = member_client.post(reverse("comments:create", args=[draft.slug]), {"body": "x"})
    assert response.status_code == 404
    assert list(Comment.objects.values_list("body", flat=True)) == ["Draft talk"]


def test_deleted_account_shows_former_member(client, post, member, make_comment):
    make_comment(post, member, "Still here after I left")
    member.delete()

    page = client.get(post.get_absolute_url()).text

    assert "Still here after I left" in page
    assert "Former member" in page
