"""A member's page is one skeleton per address, shared by every member, with their own parts
rendered into its holes per request (portal/templatetags/skeletons.py)."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.http import HttpResponse
from django.template import engines
from django.urls import reverse

from portal import per_generation
from portal.templatetags.skeletons import PersonalValueOutsideHole
from saved.models import SavedPost
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def render(source: str, request, **context) -> str:
    template = engines["django"].from_string("{% load skeletons %}" + source)
    return template.render({"skeleton": "test", **context}, request)


@pytest.fixture
def member_request(rf, member):
    request = rf.get("/somewhere/")
    request.user, request.session = member, SessionStore()
    request._messages = FallbackStorage(request)
    return request


@pytest.fixture
def post(content):
    return content["post"]


def skeletons_kept() -> int:
    return sum(key.startswith("portal:fragment:page:") for key in per_generation.objects._entries)


@pytest.mark.parametrize(
    "personal", ["{{ user.email }}", "{{ request.user }}", "{% if messages %}!{% endif %}"]
)
def test_a_members_own_value_outside_a_hole_is_never_kept(member_request, caplog, personal):
    source = f'{{% skeleton "page" when=skeleton %}}<p>{personal}</p>{{% endskeleton %}}'
    html = render(source, member_request)

    in_place = engines["django"].from_string(f"<p>{personal}</p>").render({}, member_request)
    assert html == in_place  # the member still gets their own page
    assert skeletons_kept() == 0
    assert PersonalValueOutsideHole.__name__ in caplog.text


def test_holes_are_filled_per_request_with_the_values_they_name(member_request, other_member):
    source = (
        '{% skeleton "page" when=skeleton %}<ul>{% for n in numbers %}<li>{{ n }}'
        "{% hole n=n %}{{ n }}:{{ user.email }}{% endhole %}</li>{% endfor %}</ul>{% endskeleton %}"
    )
    first = render(source, member_request, numbers=[1, 2])
    member_request.user = other_member
    # Built once: the second render takes the kept skeleton, whatever the numbers now are.
    second = render(source, member_request, numbers=[7])

    assert first == "<ul><li>11:reader@example.org</li><li>22:reader@example.org</li></ul>"
    assert second == "<ul><li>11:other@example.org</li><li>22:other@example.org</li></ul>"
    assert skeletons_kept() == 1


def test_without_a_skeleton_name_a_page_renders_in_place(member_request):
    html = render(
        '{% skeleton "page" when=skeleton %}{{ user.email }}{% endskeleton %}',
        member_request,
        skeleton="",
    )
    assert html == "reader@example.org" and skeletons_kept() == 0


def test_two_members_get_one_post_skeleton_with_their_own_parts(client, post, member, other_member):
    SavedPost.objects.create(user=member, post=post)
    client.force_login(member)
    mine = client.get(post.get_absolute_url()).text
    client.force_login(other_member)
    theirs = client.get(post.get_absolute_url()).text

    assert skeletons_kept() == 1
    assert "Rita Reader" in mine and "Rita Reader" not in theirs and "Otto Other" in theirs
    assert mine.count('aria-pressed="true"') == 2 and theirs.count('aria-pressed="false"') == 2
    assert "<!--hole-" not in mine + theirs and "csrf-token-of-this-request" not in mine + theirs


def message_cookie(rf, text: str):
    """The cookie Django's message storage sets for one message."""
    storage = CookieStorage(rf.get("/"))
    storage.add(messages.INFO, text)
    response = HttpResponse()
    storage.update(response)
    return response.cookies[storage.cookie_name]


def test_a_message_shows_only_to_the_member_it_was_for(client, rf, post, member, other_member):
    client.force_login(other_member)
    client.get(post.get_absolute_url())  # the skeleton is built, without any message
    client.force_login(member)
    client.cookies[CookieStorage.cookie_name] = message_cookie(rf, "Only for Rita.").value
    mine = client.get(post.get_absolute_url()).text
    client.force_login(other_member)
    theirs = client.get(post.get_absolute_url()).text

    assert skeletons_kept() == 1
    assert "Only for Rita." in mine and "Only for Rita." not in theirs


def test_each_theme_has_its_own_skeleton(client, post, member):
    client.force_login(member)
    client.cookies["theme"] = "dark"
    dark = client.get(post.get_absolute_url()).text
    del client.cookies["theme"]
    auto = client.get(post.get_absolute_url()).text

    assert 'class="theme-dark"' in dark and 'class="theme-dark"' not in auto
    assert skeletons_kept() == 2


def test_each_member_sees_their_own_saved_list_around_the_shared_page(client, member, other_member):
    mine, theirs = PostFactory(title="Rita's pick"), PostFactory(title="Otto's pick")
    SavedPost.objects.create(user=member, post=mine)
    SavedPost.objects.create(user=other_member, post=theirs)

    client.force_login(member)
    rita = client.get(reverse("saved:list")).text
    client.force_login(other_member)
    otto = client.get(reverse("saved:list")).text

    assert skeletons_kept() == 1
    assert "Rita&#x27;s pick" in rita and "Otto&#x27;s pick" not in rita
    assert "Otto&#x27;s pick" in otto and "Rita&#x27;s pick" not in otto
    assert "Rita Reader" in rita and "Otto Other" in otto and "Rita Reader" not in otto


def test_previews_are_never_kept_as_skeletons(editor_client):
    draft = PostFactory(title="Unfinished thoughts", draft=True)
    html = editor_client.get(draft.get_absolute_url()).text
    assert "Unfinished thoughts" in html and skeletons_kept() == 0
