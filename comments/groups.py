"""The moderators' group, defined once: migrations, tasks and demo data import it."""

MODERATORS = "Moderators"


def grant_moderators(apps, codenames: list[str]) -> None:
    """Give the Moderators group these comments permissions (for data migrations)."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after migrate; the group needs them now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
    )
