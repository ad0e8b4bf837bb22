"""The demo loader's comments part: the demo editor moderates, and the command can be quiet."""

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from comments.groups import MODERATORS
from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_quiet_load_makes_the_demo_editor_a_moderator():
    out = StringIO()

    call_command("load_demo", verbosity=0, stdout=out)

    assert out.getvalue() == ""
    editor = User.objects.get(email="editor@example.org")
    assert editor.groups.filter(name=MODERATORS).exists()
    assert Comment.objects.pending().count() == 1
