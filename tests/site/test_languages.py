"""Interface languages: addresses, the switch, remembering the choice, hreflang, budgets."""

import re

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from portal import generations
from tests.conftest import verified
from tests.factories import PostFactory, UserFactory
from tests.posts.test_pages import BUDGET, build_posts, page_urls

pytestmark = pytest.mark.django_db
HTML = {"HTTP_ACCEPT": "text/html"}


def in_language(path: str, code: str) -> str:
    from portal.languages import page_in

    return page_in(path, code)


def test_english_is_unprefixed_and_others_carry_their_code(client):
    assert client.get("/").context["LANGUAGE_CODE"] == "en"
    for code in ["ru", "uk", "ro", "sr-latn", "sq", "ka", "hy"]:
        response = client.get(f"/{code}/")
        assert response.status_code == 200
        assert f'<html lang="{code}">' in response.text


def test_georgian_page_is_in_georgian(client):
    text = client.get("/ka/").text

    assert "უახლესი პუბლიკაციები" in text  # Latest posts
    assert "პოპულარული თემები" in text  # Trending topics


def test_first_visit_follows_accept_language(client):
    response = client.get("/topics/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9,en;q=0.5", **HTML)

    assert response.status_code == 302
    assert response["Location"] == "/ru/topics/"
    assert "Accept-Language" in response["Vary"]


def test_english_browser_and_crawlers_stay_on_english_addresses(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en", **HTML).status_code == 200
    assert client.get("/").status_code == 200  # no Accept-Language at all
    # Feeds are not pages to redirect, whatever the reader sends.
    assert client.get("/feeds/latest/", HTTP_ACCEPT_LANGUAGE="ru").status_code == 200


def test_switch_posts_to_set_language_and_lands_on_the_same_page(client):
    post = PostFactory(slug="bonds")
    target = "/ka/posts/bonds/"

    response = client.post(f"{reverse('set_language')}?next={target}", {"language": "ka"})

    assert response.status_code == 302 and response["Location"] == target
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ka"
    # The cookie is remembered: the English address now leads to the Georgian page.
    follow = client.get(post.get_absolute_url(), **HTML)
    assert follow["Location"] == target


def test_readers_switch_without_a_token_so_the_page_can_be_shared():
    from django.test import Client

    PostFactory(slug="bonds")
    strict = Client(enforce_csrf_checks=True)

    page = strict.get("/posts/bonds/").text
    response = strict.post(f"{reverse('set_language')}?next=/ru/", {"language": "ru"})

    assert "csrfmiddlewaretoken" not in page
    assert response.status_code == 302
    assert strict.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_a_members_switch_without_the_token_is_refused():
    from django.test import Client

    member = verified(UserFactory(email="lela@example.org"))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(member)

    response = strict.post(f"{reverse('set_language')}?next=/ru/", {"language": "ru"})

    member.refresh_from_db()
    assert response.status_code == 403
    assert member.language != "ru"


def test_switch_refuses_get(client):
    assert client.get(reverse("set_language")).status_code == 405


def test_switch_form_offers_every_language_with_its_target_page(client):
    PostFactory(slug="bonds")
    text = client.get("/posts/bonds/").text

    for code in ["ru", "ka", "sr-latn", "hy"]:
        assert f"?next=%2F{code}%2Fposts%2Fbonds%2F" in text
    assert 'lang="ka">ქართული</button>' in text


def test_member_choice_is_kept_on_the_profile_and_applied_at_login(client):
    member = verified(UserFactory(email="nino@example.org", password="a-long-pass-phrase"))
    client.force_login(member)
    client.post(f"{reverse('set_language')}?next=/ru/", {"language": "ru"})
    member.refresh_from_db()
    assert member.language == "ru"

    fresh = type(client)()
    response = fresh.post(
        "/accounts/login/", {"login": member.email, "password": "a-long-pass-phrase"}
    )

    assert response.status_code == 302
    assert fresh.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ru"


def test_first_login_keeps_the_language_of_the_page(client):
    member = verified(UserFactory(email="ana@example.org", password="a-long-pass-phrase"))

    client.post("/uk/accounts/login/", {"login": member.email, "password": "a-long-pass-phrase"})

    member.refresh_from_db()
    assert member.language == "uk"


def test_comment_outcome_email_speaks_the_members_language():
    from comments.models import Comment, CommentStatus
    from comments.tasks import notify_comment_author

    member = UserFactory(language="ka")
    comment = Comment.objects.create(
        post=PostFactory(), user=member, body="Thanks", status=CommentStatus.APPROVED
    )

    notify_comment_author.call(comment.pk)

    assert "თქვენი კომენტარი გამოქვეყნდა" in mail.outbox[-1].subject


def test_every_page_has_hreflang_alternates_with_x_default(client):
    text = client.get("/ru/topics/").text

    links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', text))
    assert links["x-default"] == "http://testserver/topics/"
    assert links["ka"] == "http://testserver/ka/topics/"
    assert len(links) == len(settings.LANGUAGES) + 1


@pytest.mark.parametrize("language", ["ka", "ru"])
@pytest.mark.parametrize("page", list(BUDGET))
def test_query_budgets_hold_in_other_languages(
    client, page, language, django_assert_max_num_queries
):
    with translation.override("en"):
        url = in_language(page_urls(build_posts(3))[page], language)
    client.get(url)
    generations.bump()  # as after any edit: the cached page is stale, the rest stays warm

    with django_assert_max_num_queries(BUDGET[page]):
        response = client.get(url)

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.text


def test_the_admin_speaks_the_editors_language(editor_client, editor):
    editor.language = "ka"
    editor.save(update_fields=["language"])

    html = editor_client.get(reverse("admin:index")).content.decode()

    assert '<html lang="ka"' in html
    assert "რედაქცია" in html  # the portal's "Editorial desk"


def test_the_admin_follows_the_switchers_cookie_when_the_profile_has_no_language(
    editor_client, editor
):
    editor.language = ""
    editor.save(update_fields=["language"])
    editor_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"

    html = editor_client.get(reverse("admin:index")).content.decode()

    assert '<html lang="ru"' in html


def test_a_flood_of_sign_ups_is_told_in_the_pages_language_when_to_come_back(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"signup": "1/h/ip"}
    with translation.override("ka"):
        url = reverse("account_signup")
    client.post(url, {"email": "a@example.org"})

    refused = client.post(url, {"email": "b@example.org"})

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "მეტისმეტად ბევრი მცდელობა" in refused.content.decode()
