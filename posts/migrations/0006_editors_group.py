"""The "Editors" group: everything needed to write and publish posts, nothing more.

Editors manage posts, authors, their order on posts, file downloads and topics,
and may look at reading activity. They do not manage users or groups.

This lived in portal/migrations/0002 before; on a database that applied that
one the group exists, and get_or_create plus set() leave it exactly as it was.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from posts.groups import EDITORS

GROUP = EDITORS
MANAGE = ("add", "change", "delete", "view")
PERMISSIONS = {
    ("posts", "post"): MANAGE,
    ("posts", "author"): MANAGE,
    ("posts", "postauthor"): MANAGE,
    ("posts", "attachment"): MANAGE,
    ("taggit", "tag"): MANAGE,
    ("taggit", "taggeditem"): MANAGE,
    ("posts", "postactivity"): ("view",),
}


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran (post_migrate);
    # on a fresh database they do not exist yet, so create them now.
    for label in sorted({app_label for app_label, _ in PERMISSIONS}):
        app_config = apps.get_app_config(label)
        # Migration state's app configs have no models module, and
        # create_permissions skips such apps: lend it one for the call.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_permissions(app_config, apps=apps, verbosity=0, using=schema_editor.connection.alias)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(schema_editor.connection.alias).get_or_create(name=GROUP)
    codenames = [
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in PERMISSIONS.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.using(schema_editor.connection.alias).get(
            content_type__app_label=app_label, codename=codename
        )
        for app_label, codename in codenames
    ]
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("posts", "0005_savedpost_moves_to_saved"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
