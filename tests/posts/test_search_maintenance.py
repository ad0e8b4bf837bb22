import pytest
from django.core.management import call_command

from posts.models import Post
from posts.search import search_posts
from tests.factories import AttachmentFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_rebuild_search_index_finds_posts_written_behind_the_orms_back(settings, capsys):
    post = PostFactory(title="Seasonal work schemes")
    Post.objects.filter(pk=post.pk).update(title="Circular migration pilots")

    call_command("rebuild_search_index")

    assert list(search_posts("circular")) == [post]
    assert "Rebuilt the search index of 1 posts" in capsys.readouterr().out


def test_rebuild_search_index_dry_run_changes_nothing(capsys):
    post = PostFactory(title="Seasonal work schemes")
    Post.objects.filter(pk=post.pk).update(title="Circular migration pilots")

    call_command("rebuild_search_index", "--dry-run")

    assert "Would rebuild the search index of 1 posts" in capsys.readouterr().out
    assert list(search_posts("circular")) == []


def test_replacing_an_attachment_file_removes_the_old_one(django_capture_on_commit_callbacks):
    from django.core.files.base import ContentFile

    attachment = AttachmentFactory()
    storage = attachment.file.storage
    old_name = attachment.file.name

    with django_capture_on_commit_callbacks(execute=True):
        attachment.file.save("new.pdf", ContentFile(b"%PDF-1.4\nnew\n%%EOF\n"), save=True)

    assert not storage.exists(old_name)
    assert storage.exists(attachment.file.name)


def test_rebuild_search_index_is_silent_at_verbosity_zero(capsys):
    PostFactory(title="Seasonal work schemes")

    call_command("rebuild_search_index", verbosity=0)

    assert capsys.readouterr().out == ""


def test_rebuild_search_index_reports_progress_at_verbosity_two(capsys):
    PostFactory.create_batch(2)

    call_command("rebuild_search_index", verbosity=2)

    assert "2 of 2 posts" in capsys.readouterr().out
