"""Personas and fixtures shared by the whole suite."""

import pytest
from django.contrib.auth.models import Group

from posts.groups import EDITORS
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path, monkeypatch):
    """Every test writes uploads and rendered PDFs to its own folders."""
    from django.core.files.storage import storages

    from posts.models import Attachment

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "attachments": {
            **settings.STORAGES["attachments"],
            "OPTIONS": {"location": tmp_path / "private"},
        },
        "pdfs": {**settings.STORAGES["pdfs"], "OPTIONS": {"location": tmp_path / "pdfs"}},
    }
    # Attachment.file resolved its storage once, at import: follow the override.
    monkeypatch.setattr(Attachment._meta.get_field("file"), "storage", storages["attachments"])


@pytest.fixture(autouse=True, scope="session")
def _compiled_catalogues():
    """The .mo files are built, not committed: build any that are missing or stale."""
    from portal.catalogues import compile_stale

    compile_stale()


@pytest.fixture(autouse=True)
def _english_to_begin_with():
    """A request to /ka/ leaves Georgian active in the thread: each test starts in English."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    from portal import per_generation

    # This process's copies too: a frozen clock can start a test at an earlier test's generation.
    for store in (cache, per_generation.local, per_generation.objects, per_generation.strings):
        store.clear()
    yield
    cache.clear()


def verified(user):
    """Verification is mandatory, as in production: personas have confirmed their address."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


@pytest.fixture
def member(db):
    return verified(UserFactory(email="reader@example.org", display_name="Rita Reader"))


@pytest.fixture
def other_member(db):
    return verified(UserFactory(email="other@example.org", display_name="Otto Other"))


@pytest.fixture
def editor(db):
    user = verified(
        UserFactory(email="editor@example.org", display_name="Edith Editor", is_staff=True)
    )
    # Group.get: a missing group (a broken migration) fails here, not as a vague 403 later.
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def task_queue(settings):
    """A task backend that only queues (django.tasks' dummy): nothing runs until
    the test runs it with tests.pdfs.run_queued."""
    from django.tasks import task_backends

    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend


# Rows the data migrations write (staff groups and their permissions, the footer pages).
# A transactional test (live_server, transaction=True) ends with a flush that empties
# every table; these steps put those rows back, as a fresh `migrate` would leave them.
MIGRATED_ROWS = [
    ("posts.migrations.0006_editors_group", "create_editors_group"),
    ("posts.migrations.0008_images_and_seo", "editors_manage_images"),
    ("posts.migrations.0010_revisions_and_share_links", "grant_editors"),
    ("comments.migrations.0002_moderators_group", "create_group"),
    ("comments.migrations.0004_moderators_suspend", "grant"),
    ("comments.migrations.0005_moderation_log", "grant"),
    ("pages.migrations.0002_footer_pages", "create_pages"),
    ("pages.migrations.0003_editors_edit_pages", "grant"),
]


def is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    flushing = {"transactional_db", "live_server"} & set(request.fixturenames)
    return bool(flushing) or bool(marker and marker.kwargs.get("transaction"))


_FLUSHED = {"since_last_test": False}


def restore_migrated_rows(django_db_blocker) -> None:
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    # The flush made the content types again with new ids: forget the cached ones.
    ContentType.objects.clear_cache()
    schema_editor = SimpleNamespace(connection=connection)  # the steps only read its alias
    with django_db_blocker.unblock():
        for module, step in MIGRATED_ROWS:
            getattr(importlib.import_module(module), step)(apps, schema_editor)


@pytest.fixture(autouse=True)
def _migrated_rows_survive_a_flush(request, django_db_blocker):
    """The flush runs after this fixture's teardown, so the rows come back before the next
    test. Inside a test's transaction the restored rows roll back with it: restore again
    before every test until a restore lands outside one."""
    if _FLUSHED["since_last_test"]:
        from django.db import connection

        restore_migrated_rows(django_db_blocker)
        if not connection.in_atomic_block:
            _FLUSHED["since_last_test"] = False
    yield
    if is_transactional(request):
        _FLUSHED["since_last_test"] = True
