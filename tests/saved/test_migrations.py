"""Saved posts moved from posts to saved with their table and rows; the Editors group
migration moved from portal to posts. Both must work on a database that already
has the old migrations applied, not only on a fresh one."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from posts.groups import EDITORS
from saved.models import SavedPost

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("posts", "0004_savedpost"), ("saved", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    nodes = [target for target in targets if target[1]]
    return executor.loader.project_state(
        [*nodes, ("contenttypes", "0002_remove_content_type_name")]
    ).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def old_database():
    """The database as main left it: posts.0004 applied, saved unknown."""
    old_apps = migrate(BEFORE_THE_MOVE)
    yield old_apps
    migrate(latest())


def test_saved_posts_survive_the_move(old_database):
    User = old_database.get_model("accounts", "User")
    Post = old_database.get_model("posts", "Post")
    OldSavedPost = old_database.get_model("posts", "SavedPost")
    user = User.objects.create(email="keeper@example.org")
    post = Post.objects.create(title="Kept", slug="kept", summary="s", status="published")
    OldSavedPost.objects.create(user=user, post=post)

    migrate(latest())

    saved = SavedPost.objects.get()
    assert (saved.user.email, saved.post.slug) == ("keeper@example.org", "kept")
    assert SavedPost._meta.db_table == "posts_savedpost"


def test_the_content_type_and_its_permissions_follow_the_model(old_database):
    ContentType = old_database.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="saved").delete()
    old_type, _ = ContentType.objects.get_or_create(app_label="posts", model="savedpost")
    permission = Permission.objects.get_or_create(
        content_type_id=old_type.pk, codename="view_savedpost", defaults={"name": "view"}
    )[0]

    migrate(latest())

    types = apps.get_model("contenttypes", "ContentType").objects.filter(model="savedpost")
    assert list(types.values_list("pk", "app_label")) == [(old_type.pk, "saved")]
    permission.refresh_from_db()
    assert permission.content_type_id == old_type.pk


def test_a_database_that_ran_portals_editors_migration_keeps_one_group(old_database):
    migrate(latest())
    permissions = set(Group.objects.get(name=EDITORS).permissions.values_list("pk", flat=True))
    # As if portal.0002 had made the group and posts.0006 had not run yet.
    migrate([("posts", "0005_savedpost_moves_to_saved")])
    old_group = Group.objects.get_or_create(name=EDITORS)[0]
    MigrationRecorder(connection).record_applied("portal", "0002_editors_group")

    migrate(latest())

    group = Group.objects.get(name=EDITORS)
    assert group.pk == old_group.pk
    assert set(group.permissions.values_list("pk", flat=True)) == permissions
