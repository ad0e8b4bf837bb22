"""Download my data and delete my account."""

import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts import export
from accounts.models import User
from saved.models import SavedPost
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_exporter():
    """A stand-in for the comments app's exporter; the real one comes back afterwards."""
    real = export.registered_exporters().get("comments")
    export.register_exporter("comments", lambda user: [{"text": f"by {user.public_name}"}])
    yield
    if real is None:
        export._exporters.pop("comments", None)
    else:
        export.register_exporter("comments", real)


def test_download_my_data_is_a_private_json_file(member_client, member, extra_exporter):
    post = PostFactory(title="A brief worth keeping")
    SavedPost.objects.create(user=member, post=post)
    SavedPost.objects.create(user=User.objects.create_user("x@example.org"), post=post)

    response = member_client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert "private" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == "reader@example.org"
    assert data["profile"]["display_name"] == "Rita Reader"
    assert [item["title"] for item in data["saved_posts"]] == ["A brief worth keeping"]
    assert data["saved_posts"][0]["url"] == post.get_absolute_url()
    assert data["comments"] == [{"text": "by Rita Reader"}]


def test_export_is_get_only(member_client):
    assert member_client.post(reverse("accounts:export")).status_code == 405


def test_delete_asks_to_reauthenticate_then_to_confirm(client, member, login, password):
    other_device = Client()
    login(member.email, c=other_device)
    login(member.email)
    assert Session.objects.count() == 2
    post = PostFactory()
    SavedPost.objects.create(user=member, post=post)

    response = client.get(reverse("accounts:delete"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))

    response = client.post(response["Location"], {"password": password})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:delete")
    page = client.get(reverse("accounts:delete")).content.decode()
    assert "cannot be undone" in page

    # Not without the tick box.
    response = client.post(reverse("accounts:delete"), {})
    assert response.status_code == 200
    assert "Tick the box" in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()

    response = client.post(reverse("accounts:delete"), {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not SavedPost.objects.exists()
    # Every session of the account is gone, this one and the other device's.
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id")]
    assert other_device.get(reverse("accounts:profile")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_delete_with_a_wrong_password_deletes_nothing(client, member, login):
    login(member.email)
    response = client.get(reverse("accounts:delete"))
    response = client.post(response["Location"], {"password": "not it"})
    assert response.status_code == 200
    assert client.post(reverse("accounts:delete"), {"confirm": "on"}).status_code == 302
    assert User.objects.filter(pk=member.pk).exists()


def test_export_leaves_out_posts_unpublished_since(member_client, member):
    post = PostFactory(title="A brief worth keeping")
    SavedPost.objects.create(user=member, post=post)
    hidden = PostFactory(title="Once public")
    SavedPost.objects.create(user=member, post=hidden)
    hidden.status = "draft"
    hidden.title = "Embargoed draft title"
    hidden.save()

    data = json.loads(member_client.get(reverse("accounts:export")).content)
    assert [item["title"] for item in data["saved_posts"]] == ["A brief worth keeping"]
    assert "Embargoed" not in json.dumps(data)
