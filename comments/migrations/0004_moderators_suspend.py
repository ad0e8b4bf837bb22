"""Moderators may suspend a member's commenting (and lift it)."""

from django.db import migrations

from comments.groups import MODERATORS, grant_moderators

PERMISSIONS = [
    "view_commentingsuspension",
    "add_commentingsuspension",
    "change_commentingsuspension",
]


def grant(apps, schema_editor):
    grant_moderators(apps, PERMISSIONS)


def revoke(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name=MODERATORS).first()
    if group:
        permission = apps.get_model("auth", "Permission")
        group.permissions.remove(*permission.objects.filter(codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("comments", "0003_reports_suspensions_told_status")]

    operations = [migrations.RunPython(grant, revoke)]
