"""Following topics and authors: buttons, the Following page, the weekly digest, unsubscribe."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from saved.digest import send_digest, set_weekly_digest, unsubscribe_url
from saved.following import follow
from saved.models import Follow, FollowDigest
from saved.tasks import enqueue_due_digests
from tests.factories import AuthorFactory, PostFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def topic():
    PostFactory(title="On finance", topics=["Finance"])
    return Tag.objects.get(name="Finance")


@pytest.fixture
def author():
    person = AuthorFactory(name="Ana Advisor", slug="ana-advisor")
    PostFactory(title="By Ana", authors=[person])
    return person


def test_member_follows_and_unfollows_a_topic_without_javascript(member_client, member, topic):
    url = reverse("saved:follow_topic", args=[topic.slug])

    response = member_client.post(url, {"action": "follow"})
    assert response.status_code == 302 and response["Location"] == f"/topics/{topic.slug}/"
    assert Follow.objects.filter(user=member, tag=topic).count() == 1

    member_client.post(url, {"action": "follow"})  # a repeated click does not flip it back
    assert Follow.objects.filter(user=member, tag=topic).count() == 1
    page = member_client.get(f"/topics/{topic.slug}/").text
    assert 'aria-pressed="true"' in page and "Following" in page

    member_client.post(url, {"action": "unfollow"})
    assert not Follow.objects.exists()


def test_follow_author_with_htmx_returns_the_button(member_client, member, author):
    response = member_client.post(
        reverse("saved:follow_author", args=[author.slug]), {"action": "follow"}, **HTMX
    )

    assert response.status_code == 200
    assert 'class="follow-button"' in response.text and 'value="unfollow"' in response.text
    assert "<html" not in response.text
    assert Follow.objects.get(user=member).author == author


def test_follow_needs_post_and_login(client, member_client, topic):
    url = reverse("saved:follow_topic", args=[topic.slug])

    assert member_client.get(url).status_code == 405
    client.logout()
    response = client.post(url, {"action": "follow"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


def test_unpublished_author_cannot_be_followed(member_client):
    hidden = AuthorFactory(slug="hidden")
    PostFactory(authors=[hidden], draft=True)

    response = member_client.post(reverse("saved:follow_author", args=["hidden"]))

    assert response.status_code == 404


def test_readers_get_a_login_link_and_no_csrf_token(client, topic, author):
    for url in (f"/topics/{topic.slug}/", author.get_absolute_url()):
        text = client.get(url).text
        assert "Log in to follow" in text
        assert "csrfmiddlewaretoken" not in text


def test_following_page_lists_new_posts_from_follows_once(member_client, member, topic, author):
    follow(member, topic)
    follow(member, author)
    PostFactory(title="Both at once", topics=["Finance"], authors=[author])
    PostFactory(title="Unrelated")
    PostFactory(title="Finance draft", topics=["Finance"], draft=True)

    text = member_client.get(reverse("saved:following")).text

    assert text.count("Both at once</a>") == 1
    assert "On finance" in text and "By Ana" in text
    assert "Unrelated" not in text and "Finance draft" not in text
    assert "What you follow" in text


@pytest.mark.parametrize("count", [2, 25])
def test_following_page_query_count_does_not_grow(
    member_client, member, count, django_assert_max_num_queries
):
    authors = AuthorFactory.create_batch(3)
    for i in range(count):
        PostFactory(topics=[f"Topic {i % 4}"], authors=[authors[i % 3]])
    for tag in Tag.objects.all():
        follow(member, tag)
    for person in authors:
        follow(member, person)

    with django_assert_max_num_queries(10):
        response = member_client.get(reverse("saved:following"))

    assert response.status_code == 200


def test_following_page_is_for_members(client):
    response = client.get(reverse("saved:following"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_digest_is_off_by_default_and_set_from_a_form(member_client, member):
    assert not FollowDigest.objects.filter(user=member, weekly=True).exists()
    assert 'name="weekly"' in member_client.get(reverse("accounts:profile")).text

    member_client.post(reverse("saved:digest"), {"weekly": "on"})
    assert FollowDigest.objects.get(user=member).weekly

    member_client.post(reverse("saved:digest"), {})
    assert not FollowDigest.objects.get(user=member).weekly


def test_weekly_digest_lists_new_posts_once_a_week(member, topic):
    follow(member, topic)
    set_weekly_digest(member, True)
    PostFactory(
        title="Old finance", topics=["Finance"], published_at=timezone.now() - timedelta(days=9)
    )
    PostFactory(title="New finance", topics=["Finance"])

    assert enqueue_due_digests() == 1  # the immediate backend sends at once

    [email] = mail.outbox
    assert email.to == [member.email]
    assert "New finance" in email.body and "Old finance" not in email.body
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert email.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url(member)}>"
    assert enqueue_due_digests() == 0  # not due again for a week

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        PostFactory(title="Next week finance", topics=["Finance"])
        assert enqueue_due_digests() == 1
    assert "Next week finance" in mail.outbox[-1].body and "New finance" not in mail.outbox[-1].body


def test_no_email_without_news_or_without_the_choice(member, other_member, topic):
    follow(member, topic)
    follow(other_member, topic)
    set_weekly_digest(member, True)
    Tag.objects.get(name="Finance").taggit_taggeditem_items.all().delete()

    assert send_digest(member.pk) is False
    assert send_digest(other_member.pk) is False
    assert mail.outbox == []


def test_one_click_unsubscribe_works_without_login(client, member):
    set_weekly_digest(member, True)
    url = unsubscribe_url(member)

    page = client.get(url)
    assert page.status_code == 200 and "Stop the weekly email" in page.text
    assert FollowDigest.objects.get(user=member).weekly  # a GET (link preview) changes nothing

    response = client.post(url, {"List-Unsubscribe": "One-Click"})  # as a mail client does
    assert response.status_code == 200
    assert not FollowDigest.objects.get(user=member).weekly


def test_damaged_unsubscribe_token_is_a_404(client, member):
    url = unsubscribe_url(member)

    assert client.post(url[:-3] + "xyz/").status_code == 404


def test_send_follow_digests_command(member, topic, capsys):
    from django.core.management import call_command

    follow(member, topic)
    set_weekly_digest(member, True)

    call_command("send_follow_digests", "--dry-run")
    assert "1 follow digest(s) due" in capsys.readouterr().out and mail.outbox == []

    call_command("send_follow_digests")
    assert "Queued 1 follow digest(s)." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_follows_are_in_my_data(member_client, member, topic):
    follow(member, topic)

    data = member_client.get(reverse("accounts:export")).json()

    assert data["follows"][0]["topic"] == "Finance"
