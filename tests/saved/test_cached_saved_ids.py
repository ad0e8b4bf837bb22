"""The Save toggles read the member's saved ids from a per-member cache entry kept exact."""

import pytest

from saved.models import SavedPost
from saved.saving import save_post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


def pressed(client, post) -> bool:
    return 'aria-pressed="true"' in client.get(post.get_absolute_url()).text


def test_saving_and_removing_show_on_the_next_page(member_client, member):
    post = PostFactory()
    assert not pressed(member_client, post)  # the empty set is cached now

    save_post(member, post)
    assert pressed(member_client, post)

    SavedPost.objects.filter(user=member).delete()  # e.g. the admin, or account clean-up
    assert not pressed(member_client, post)


def test_one_members_saves_never_show_for_another(member_client, member, other_member, client):
    post = PostFactory()
    save_post(member, post)
    assert pressed(member_client, post)

    client.force_login(other_member)

    assert not pressed(client, post)
