"""Editors may edit the site pages (they do not add or delete them: the footer links four)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from posts.groups import EDITORS


def grant(apps, schema_editor):
    alias = schema_editor.connection.alias
    app_config = apps.get_app_config("pages")
    # As in posts/migrations/0006: permissions do not exist yet on a fresh database.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0, using=alias)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(alias).get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.using(alias).filter(
            content_type__app_label="pages", codename__in=["change_page", "view_page"]
        )
    )


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_footer_pages"), ("posts", "0006_editors_group")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
