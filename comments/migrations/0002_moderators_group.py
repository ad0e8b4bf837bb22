"""The "Moderators" group, holding exactly the permissions comment moderation needs."""

from django.db import migrations

from comments.groups import MODERATORS, grant_moderators

MODERATOR_PERMISSIONS = ["view_comment", "change_comment", "view_commentreport"]


def create_group(apps, schema_editor):
    grant_moderators(apps, MODERATOR_PERMISSIONS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MODERATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
